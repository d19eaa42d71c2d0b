/**
 * Historical figures are no one's personal data: a text about 徳川家康's exhibition or a 坂本龍馬 poster
 * names a topic, not a citizen; nor are characters of national cartoons and folk tales (サザエさん, 桃太郎).
 * Person-name spans inside one of these names (general knowledge: figures of Japanese history and
 * literature every school teaches, characters every child knows) are dropped.
 */
import type { PiiSpan } from './types';

const PUBLIC_FIGURES =
  `卑弥呼 聖徳太子 中大兄皇子 中臣鎌足 藤原道長 藤原頼通 紫式部 清少納言 小野小町 菅原道真 平将門 平清盛
  源頼朝 源義経 北条政子 北条時宗 足利尊氏 足利義満 足利義政 織田信長 豊臣秀吉 徳川家康 明智光秀 石田三成
  武田信玄 上杉謙信 伊達政宗 真田幸村 真田信繁 毛利元就 今川義元 前田利家 加藤清正 黒田官兵衛 竹中半兵衛
  徳川家光 徳川吉宗 徳川綱吉 徳川慶喜 松尾芭蕉 井原西鶴 近松門左衛門 葛飾北斎 歌川広重 伊能忠敬 杉田玄白
  本居宣長 大塩平八郎 二宮尊徳 坂本龍馬 西郷隆盛 大久保利通 木戸孝允 勝海舟 吉田松陰 高杉晋作 伊藤博文
  板垣退助 大隈重信 福沢諭吉 渋沢栄一 津田梅子 野口英世 北里柴三郎 樋口一葉 夏目漱石 森鴎外 正岡子規
  与謝野晶子 石川啄木 宮沢賢治 芥川龍之介 太宰治 川端康成 三島由紀夫 湯川秀樹 手塚治虫 新渡戸稲造 東郷平八郎
  サザエさん ちびまる子ちゃん まる子 ドラえもん のび太 しずかちゃん クレヨンしんちゃん 野原しんのすけ
  アンパンマン 鉄腕アトム 名探偵コナン 江戸川コナン 磯野カツオ 磯野ワカメ 桃太郎 金太郎 浦島太郎 かぐや姫`
    .split(/\s+/)
    .filter(Boolean);

// Written with a space between family and given name too (夏目 漱石).
const FIGURE = new RegExp(PUBLIC_FIGURES.map((name) => [...name].join('[ \u3000]?')).join('|'), 'gu');

/** The spans without person names that lie inside a historical figure's name. */
export function withoutPublicFigures(normalized: string, spans: readonly PiiSpan[]): PiiSpan[] {
  const zones = [...normalized.matchAll(FIGURE)].map((m) => [m.index, m.index + m[0].length] as const);
  if (zones.length === 0) return [...spans];
  return spans.filter((s) => s.type !== 'person_name' || !zones.some(([a, b]) => s.start < b && a < s.end));
}
