/**
 * Person names from kuromoji's IPADIC tags for the personal-data masker, without any honorific:
 * - a family name (人名・姓) followed by a given name (人名, or a proper noun kuromoji reads as a place:
 *   里美), directly or after one space, comma or tab (山田太郎, 近藤 拓也, CSV 田中,太郎);
 * - a family name before a post (工藤部長, 樋口主幹, 鈴木主査: 総務部長 is not a name, 総務 is no 人名),
 *   before 宛 or です (菊地宛, 「お疲れさまです、原田です。」), or in a list of family names (山田、佐藤、鈴木);
 * - a family name on a line that names who wrote, sent or filed it (担当：井上, 記入者, 差出人, 届出人 …).
 * Any other lone family name is left to the masker's context rules (高橋 alone is also a place or a company).
 */
import { safeCutIndex } from '../core';
import { defaultDictPath } from './analyzer';
import type { IpadicFeatures } from 'kuromoji';
import { COMMON_FAMILY_NAMES, PLACE_FAMILY_NAMES } from '../privacy';
import { loadKuromoji } from './kuromoji-tokenizer';

/** Spans [start, end) of full names in a text. */
export type NameSpans = (text: string) => Array<{ start: number; end: number }>;

/** Builds the tagger (kuromoji's dictionary is shared, see kuromoji-tokenizer.ts). */
export async function createPersonNameTagger(options: { dictPath?: string } = {}): Promise<NameSpans> {
  const tokenizer = await loadKuromoji(options.dictPath ?? defaultDictPath());
  return (text: string) => {
    const spans: Array<{ start: number; end: number }> = [];
    // kuromoji's lattice grows badly with one long unbroken text (200,000 characters exhausted a 4 GB
    // heap): tag sentence by sentence, in pieces of at most SEGMENT characters.
    for (const segment of segments(text)) {
      const tokens = tokenizer.tokenize(unifyVariants(text.slice(segment.start, segment.end)));
      const at = (t: Token): number => segment.start + t.word_position - 1;
      for (let i = 0; i < tokens.length; i++) {
        const family = tokens[i]!;
        const next = tokens[i + 1];
        // Family and given name, directly or across one space, comma or tab.
        const gap = next && SEPARATOR.test(next.surface_form) ? 1 : 0;
        const given = tokens[i + 1 + gap];
        // A family name kuromoji reads as a place (平野, 松本, 太田) is one before a space and a given name.
        if (isPlaceLikeFamily(family) && gap > 0 && given && tagged(given, '名')) {
          spans.push({ start: at(family), end: at(given) + given.surface_form.length });
          i += 2;
          continue;
        }
        // A common family name that is no town's (服部, 吉川) before a space and a given name kuromoji cut into single
        // kanji or reads as a noun (服部 陽菜, 服部 陽（…）).
        const commonNotPlace =
          isPlaceLikeFamily(family) &&
          COMMON_FAMILY_NAMES.has(family.surface_form) &&
          !PLACE_FAMILY_NAMES.has(family.surface_form);
        const cutGiven = commonNotPlace && gap > 0 ? splitGivenEnd(tokens, i + 2) : undefined;
        if (cutGiven) {
          spans.push({ start: at(family), end: at(cutGiven) + cutGiven.surface_form.length });
          i += 2;
          continue;
        }
        const start = at(family);
        // A family name kuromoji reads as a place (福井, 中野, 平野) where only a person fits: before a post
        // that is no place's office (福井主任, not 沼津市長), after a post (係長 宮崎), on a writer line
        // (承認者：長野), or introducing oneself after one's section (福祉課の服部です).
        if (isPlaceLikeFamily(family)) {
          const alone = endsPhrase(next);
          const labelled = PLACE_FAMILY_NAMES.has(family.surface_form)
            ? WRITER_LABEL.test(lineBefore(text, start).slice(-LABEL_REACH))
            : WRITER_LABEL_RIGHT_BEFORE.test(lineBefore(text, start));
          const introduced = afterPost(tokens, i) || labelled;
          if (introduced && gap > 0 && given && isGivenName(given, true, tokens[i + 2 + gap])) {
            spans.push({ start, end: at(given) + given.surface_form.length });
            i += 1 + gap;
            continue;
          }
          if (
            (next && POSTS.has(next.surface_form) && !PLACE_OFFICES.has(next.surface_form)) ||
            (alone && afterPost(tokens, i)) ||
            (alone && afterRelation(tokens, i)) ||
            (next && AFTER_NAME.has(next.surface_form) && afterSection(tokens, i)) ||
            (next?.surface_form === ' ' && listed(next, tokens[i + 2])) ||
            (alone && labelled) ||
            (PLACE_FAMILY_NAMES.has(family.surface_form) &&
              (addressedAsPerson(tokens, i, PLACE_PEOPLE_VERBS) || quotedAsPerson(tokens, i)))
          )
            spans.push({ start, end: start + family.surface_form.length });
          continue;
        }
        // A common family name kuromoji reads otherwise (松田 as an organisation, 林 as a noun): only
        // with a given name after a space or in a person's context below.
        const listedOnly = !tagged(family, '姓');
        if (listedOnly && !isListedFamily(family)) continue;
        // A given name kuromoji cut into single kanji (悠 + 真, 紗 + 希) ends after its last one.
        const split = gap > 0 ? splitGivenEnd(tokens, i + 1 + gap) : undefined;
        const givenEnd =
          split ??
          (given && (!listedOnly || gap > 0) && isGivenName(given, gap > 0, tokens[i + 2 + gap]) ? given : undefined);
        if (givenEnd) {
          spans.push({ start, end: at(givenEnd) + givenEnd.surface_form.length });
          i += 1 + gap;
          continue;
        }
        if (
          (next && (POSTS.has(next.surface_form) || AFTER_NAME.has(next.surface_form))) ||
          // 山田 課長: the post after a space; 岡部 様: the honorific after a space.
          (gap > 0 && POSTS.has(tokens[i + 2]?.surface_form ?? '')) ||
          (gap > 0 && given?.pos_detail_1 === '接尾' && given.pos_detail_2 === '人名') ||
          listed(next, tokens[i + 2]) ||
          listed(tokens[i - 1], tokens[i - 2]) ||
          (endsPhrase(next) && afterPost(tokens, i)) ||
          (endsPhrase(next) && afterRelation(tokens, i)) ||
          ((!listedOnly || family.surface_form.length >= 2) && addressedAsPerson(tokens, i)) ||
          quotedAsPerson(tokens, i) ||
          (endsPhrase(next) && afterExtension(tokens, i)) ||
          ((!listedOnly || endsPhrase(next)) && WRITER_LABEL.test(lineBefore(text, start).slice(-LABEL_REACH)))
        )
          spans.push({ start, end: start + family.surface_form.length });
      }
      spans.push(...givenAfterRelation(tokens, at));
    }
    // A katakana name cut out of a longer katakana word (エドゥ + アル of エドゥアルド) is none.
    const kana = /[ァ-ヶー]/;
    return spans.filter(
      (s) =>
        !(kana.test(text[s.start] ?? '') && kana.test(text[s.start - 1] ?? '')) &&
        !(kana.test(text[s.end - 1] ?? '') && kana.test(text[s.end] ?? '')),
    );
  };
}

/** Family relations after which a given name stands alone (母の恵子, 長男の翔太, （妻）千夏). */
const KIN = new Set(
  '母 父 妻 夫 主人 旦那 家内 嫁 長男 長女 次男 次女 三男 三女 息子 娘 兄 姉 弟 妹 祖母 祖父 孫'.split(' '),
);

/**
 * A given name (人名・名) right after a relation and の, a closing bracket or a space: 母の恵子が, 息子の大翔 (大 as
 * kuromoji's prefix before 翔), （妻）千夏. 母の日 and 妻の実家 are no names: 日 and 実家 are no 人名.
 */
function givenAfterRelation(tokens: readonly Token[], at: (t: Token) => number): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (!KIN.has(tokens[i]!.surface_form) || !/^(?:の|）|\)| |　)$/.test(tokens[i + 1]!.surface_form)) continue;
    const prefix = tokens[i + 2]!.pos === '接頭詞' ? tokens[i + 2]! : undefined;
    const name = tokens[i + (prefix ? 3 : 2)];
    if (name && tagged(name, '名')) out.push({ start: at(prefix ?? name), end: at(name) + name.surface_form.length });
  }
  return out;
}

/** One token of kuromoji's IPADIC analysis. */
type Token = IpadicFeatures;

/** A common family name (privacy/family-names.ts) that kuromoji tags as a noun or an organisation. */
function isListedFamily(t: Token): boolean {
  return (
    t.pos === '名詞' &&
    (t.pos_detail_1 === '一般' || t.pos_detail_2 === '組織') &&
    COMMON_FAMILY_NAMES.has(t.surface_form)
  );
}

/** Whether kuromoji tags the token as a family (姓) or given (名) name. */
function tagged(t: Token, part: '姓' | '名'): boolean {
  return t.pos_detail_2 === '人名' && t.pos_detail_3 === part;
}

/** A list mark followed by another family name (山田、佐藤). */
function listed(mark: Token | undefined, name: Token | undefined): boolean {
  return mark !== undefined && LIST_MARK.test(mark.surface_form) && name !== undefined && tagged(name, '姓');
}

/** What may follow a name standing alone: the end, punctuation, a space, a particle, an arrow. */
function endsPhrase(t: Token | undefined): boolean {
  return (
    t === undefined ||
    /^(?:[\s、。,，.・）)」』］】（(→:：;；]|の|が|は|に|へ|から|と|です|さん|様)$/u.test(t.surface_form)
  );
}

/** A post right before the token, maybe across a space, ・ or の (係長 宮崎, 主査・平野, 課長補佐の今井). */
function afterPost(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1];
  const post = prev && /^[\s・の［「【]$/u.test(prev.surface_form) ? tokens[i - 2] : prev;
  return post !== undefined && POSTS.has(post.surface_form);
}

/** A person's relation to the writer, then の, right before the token (後任の西村, 同僚の 山崎). */
function afterRelation(tokens: readonly Token[], i: number): boolean {
  const prev = tokens[i - 1]?.surface_form === ' ' || tokens[i - 1]?.surface_form === '\u3000' ? i - 1 : i;
  return tokens[prev - 1]?.surface_form === 'の' && RELATIONS.has(tokens[prev - 2]?.surface_form ?? '');
}

/**
 * A family name someone is told, asked or handed something by (藤田に引き継ぎます, 山崎から連絡があった,
 * 阿部が対応します): a particle of a person, then a verb of people within the next few words.
 */
function addressedAsPerson(tokens: readonly Token[], i: number, verbs: ReadonlySet<string> = PEOPLE_VERBS): boolean {
  if (!/^[一-龥々ヶ]{1,3}$/u.test(tokens[i]!.surface_form)) return false;
  let particle = tokens[i + 1]?.surface_form === ' ' ? i + 2 : i + 1;
  // The closing bracket of a quoted name (「佐藤」から電話).
  if (/^[」』]$/u.test(tokens[i + 1]?.surface_form ?? '')) particle = i + 2;
  const word = tokens[particle]?.surface_form ?? '';
  if (!/^(?:に|から|が|と|へ|より|まで)$/u.test(word)) return false;
  // 〜には / 〜とは: the topic of what follows (岡山にはさっき伝えました).
  const topic = tokens[particle + 1]?.surface_form === 'は' ? 1 : 0;
  // The subject at the start of a sentence may be further from its verb (石川が午後の研修に参加します).
  const sentenceStart = i === 0 || /^[。\n！？!?\s]$/u.test(tokens[i - 1]?.surface_form ?? '');
  const reach = word === 'が' && sentenceStart ? 9 : topic ? 6 : 4;
  for (let j = particle + 1 + topic; j < Math.min(tokens.length, particle + reach); j++) {
    const t = tokens[j]!;
    if (/^[。\n！？!?]$/u.test(t.surface_form)) return false;
    if (verbs.has(t.basic_form) || verbs.has(t.surface_form)) return true;
  }
  return false;
}

/**
 * A family name quoted on its own as a person: before another quoted family name or a count of people
 * (「大塚」「内田」の2名), before と名乗る (「田中」と名乗る人物), or named as a surname (姓は「木下」).
 */
function quotedAsPerson(tokens: readonly Token[], i: number): boolean {
  const open = tokens[i - 1]?.surface_form ?? '';
  const close = tokens[i + 1]?.surface_form ?? '';
  if (!/^[「『]$/u.test(open) || !/^[」』]$/u.test(close)) return false;
  const after = tokens[i + 2];
  if (after && /^[「『]$/u.test(after.surface_form) && tokens[i + 3] && tagged(tokens[i + 3]!, '姓')) return true;
  if (after?.surface_form === 'の' && tokens[i + 3]?.pos === '名詞' && tokens[i + 3]?.pos_detail_1 === '数') {
    return /^(?:名|人)$/u.test(tokens[i + 4]?.surface_form ?? '');
  }
  if (after?.surface_form === 'と' && /^名乗/u.test(tokens[i + 3]?.surface_form ?? '')) return true;
  // The previous quoted name of such a pair (「大塚」「内田」: 内田 is preceded by 」「 and a family name).
  if (/^[」』]$/u.test(tokens[i - 2]?.surface_form ?? '') && tokens[i - 3] && tagged(tokens[i - 3]!, '姓')) return true;
  const before = tokens[i - 2]?.surface_form === 'は' ? tokens[i - 3] : tokens[i - 2];
  return before !== undefined && SURNAME_WORDS.has(before.surface_form);
}

/** Words that name a surname or a name before it (姓は「木下」, 旧姓「山口」). */
const SURNAME_WORDS = new Set('姓 旧姓 名字 苗字 氏名 名前 お名前'.split(' '));

/** An extension dialled before the name (052-961-4432 内線 318 の 近藤 まで): the person who answers it. */
function afterExtension(tokens: readonly Token[], i: number): boolean {
  let j = i - 1;
  const skip = () => {
    while (j >= 0 && /^[ \u3000]$/u.test(tokens[j]!.surface_form)) j--;
  };
  skip();
  if (tokens[j]?.surface_form !== 'の') return false;
  j--;
  skip();
  if (tokens[j]?.pos_detail_1 !== '数') return false;
  j--;
  skip();
  return /^(?:内線|ext\.?|Ext\.?)$/u.test(tokens[j]?.surface_form ?? '');
}

/** Relations to the writer before a family name (後任の西村). */
const RELATIONS = new Set('後任 前任 同僚 上司 部下 先輩 後輩 新任 新人 隣 担当 担当者 代理'.split(' '));
/** What is done to or by a person (引き継ぐ, 連絡, 相談): after 〜に / 〜から / 〜が. */
const PEOPLE_VERBS = new Set(
  (
    '引き継ぐ 引継ぐ 連絡 相談 聞く 伝える 頼む 依頼 報告 返信 電話 渡す 問い合わせる 問い合わせ 話す 言う 教える ' +
    '確認 対応 お願い 回す 転送 共有 休む 休み 異動 退職 不在 休暇 出張 折り返し 承認 決裁 申し送る 参加 出席 欠席 ' +
    '担当'
  ).split(' '),
);
/** The same for a name that is also a place: not the verbs one also does to a place (出張, 異動, 転送, 回す). */
const PLACE_PEOPLE_VERBS = new Set(
  [...PEOPLE_VERBS].filter((v) => !['出張', '異動', '転送', '回す', '対応', '共有', '退職'].includes(v)),
);

/** A section, then の, right before the token (福祉課の服部です). */
function afterSection(tokens: readonly Token[], i: number): boolean {
  const section = tokens[i - 2];
  return tokens[i - 1]?.surface_form === 'の' && section !== undefined && /[課係室部局班]$/u.test(section.surface_form);
}

/** One space (also full width), comma or tab between a family and a given name. */
const SEPARATOR = /^[ \u3000\t,]$/;
/** Between family names of a list (山田、佐藤、鈴木; 岡田 前田 藤井). */
const LIST_MARK = /^[、，,・ \u3000]$/;
/** Posts and titles written after a family name (工藤部長, 鈴木主査). */
const POSTS = new Set(
  (
    '部長 課長 係長 主査 主幹 主任 主事 補佐 室長 所長 局長 次長 参事 技師 理事 班長 館長 園長 校長 院長 社長 ' +
    '専務 常務 議員 議長 市長 町長 村長 区長 知事 副市長 教授 准教授 先生 弁護士 税理士 司法書士'
  ).split(' '),
);
/** Posts that also follow a place: the office's head, not a person's name (沼津市長, 東京局長). */
const PLACE_OFFICES = new Set('市長 町長 村長 区長 知事 所長 局長 館長 園長 校長 院長 議長 議員'.split(' '));
/** Words right after a family name that mark it as a person (菊地宛, 原田です). */
const AFTER_NAME = new Set(['宛', '宛て', 'です', 'でした']);
/** A line naming who wrote, sent, filed or is in charge of it: its family names are people. */
const WRITER_LABEL =
  /(?:担当者?|記入者|作成者|差出人|送信者|届出人|申請者|代理人?|依頼者|世帯主|故人|被相続人|死亡者|受取人|宛名|宛先|送付先|承認者|決裁者|確認者|報告者|起票者|対応者?|受付者?|連絡者|筆頭者|保護者|出席者?|欠席者?|参加者|同席者?|かけてきた人|From|To|Cc|CC)\s*[:：）)]?/u;

/** A writer label right before the name (承認者：長野): for names that are also places. */
const WRITER_LABEL_RIGHT_BEFORE = new RegExp(`(?:${WRITER_LABEL.source})\\s*$`, 'u');
/** How far before a family name a writer label may be (担当：情報政策課 小川; not a label anywhere earlier in a long line). */
const LABEL_REACH = 16;

/** The text of `text`'s line before `index`. */
function lineBefore(text: string, index: number): string {
  return text.slice(text.lastIndexOf('\n', index - 1) + 1, index);
}

/**
 * A given name after a family name: 人名; after a space also a proper noun kuromoji took for a place
 * (里美), or a one- or two-kanji common noun standing alone (加藤 蓮, 菅原 彩) that is no post or 宛.
 */
function isGivenName(t: Token, spaced: boolean, after: Token | undefined): boolean {
  // An honorific after a space (すずき さん) is a suffix, not a given name.
  if (t.pos_detail_2 === '人名') return t.pos_detail_1 !== '接尾' && (t.pos_detail_3 === '名' || spaced);
  // A given name in hiragana after a space, standing alone (飯田 まゆ（…）, 渡辺 ゆう |).
  if (spaced && /^[ぁ-ゖ]{2,3}$/u.test(t.surface_form) && !NOT_GIVEN_KANA.has(t.surface_form))
    return after === undefined || /^[\s、。,，.（(）)」』:：;；|｜]/u.test(after.surface_form);
  if (!spaced || !/^[一-龥々ヶ]{1,3}$/u.test(t.surface_form)) return false;
  if (t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '地域') return true;
  const alone = after === undefined || /^[\s、。,，.（(）)」』:：]/u.test(after.surface_form);
  return (
    t.pos_detail_1 === '一般' &&
    t.surface_form.length <= 2 &&
    alone &&
    !POSTS.has(t.surface_form) &&
    !AFTER_NAME.has(t.surface_form)
  );
}

/**
 * The last token of a given name written in two or three kanji that kuromoji read one by one (大 + 翔, 紗 + 希,
 * 陽 + 葵) after a family name and a space, standing alone (then a space, punctuation, an honorific or the end);
 * undefined otherwise.
 */
function splitGivenEnd(tokens: readonly Token[], from: number): Token | undefined {
  let n = from;
  while (n < tokens.length && n - from < 3 && /^[一-龥々]$/u.test(tokens[n]!.surface_form)) n++;
  if (n - from < 2) return undefined;
  const after = tokens[n];
  const alone =
    after === undefined || /^(?:[\s、。,，.（(）)」』:：|｜<]|さん|様|くん|ちゃん|殿)/u.test(after.surface_form);
  const run = tokens
    .slice(from, n)
    .map((t) => t.surface_form)
    .join('');
  return alone && !POSTS.has(run) && !AFTER_NAME.has(run) ? tokens[n - 1] : undefined;
}

/** Hiragana words after a family name and a space that are no given name (山田 さん, 佐藤 から). */
const NOT_GIVEN_KANA = new Set(
  'さん くん ちゃん さま から まで より です ます でした など ほか たち けど ので'.split(' '),
);

/** A one- to three-kanji place name that is also a family name when a given name follows (平野 誠司). */
function isPlaceLikeFamily(t: Token): boolean {
  return t.pos_detail_1 === '固有名詞' && t.pos_detail_2 === '地域' && /^[一-龥々ヶ]{1,3}$/u.test(t.surface_form);
}

/** Variant kanji of family names kuromoji does not know, read as the common form (山﨑 → 山崎; same length). */
const VARIANTS: Readonly<Record<string, string>> = { 﨑: '崎', 髙: '高', 栁: '柳', 德: '徳', 濵: '濱' };
function unifyVariants(text: string): string {
  return text.replace(/[﨑髙栁德濵]/gu, (c) => VARIANTS[c] ?? c);
}

/** Longest piece of text given to kuromoji at once. */
const SEGMENT = 500;

/** Sentence pieces of at most SEGMENT characters, cut after 。！？ or a line break when possible. */
function segments(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT);
    if (end < text.length) {
      const piece = text.slice(start, end);
      const cut = Math.max(
        piece.lastIndexOf('。'),
        piece.lastIndexOf('\n'),
        piece.lastIndexOf('！'),
        piece.lastIndexOf('？'),
      );
      if (cut > 0) end = start + cut + 1;
      // Never inside a surrogate pair: kuromoji fails on a lone half of an emoji.
      else end = safeCutIndex(text, end);
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}
