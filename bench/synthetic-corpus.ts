/**
 * Deterministic synthetic Japanese FAQ/manual chunks for the knowledge benchmark, built from a
 * vocabulary of IT-helpdesk and municipal words plus generated names and numbers (a long tail,
 * as real knowledge bases have).
 */
import { SeededRandom, type Chunk } from '../knowledge';

const TOPICS = [
  'パスワード',
  'アカウント',
  'メール',
  'Outlook',
  'プリンター',
  '複合機',
  'VPN',
  'Wi-Fi',
  'OneDrive',
  'Teams',
  '共有フォルダ',
  'パソコン',
  'USBメモリ',
  'ウイルス対策',
  'Excel',
  '内線電話',
  '住民票',
  '戸籍',
  '印鑑登録',
  'マイナンバーカード',
  '国民健康保険',
  '介護保険',
  '児童手当',
  '保育所',
  'ごみ収集',
  '粗大ごみ',
  '市民税',
  '固定資産税',
  '軽自動車税',
  '転入届',
  '転出届',
  '婚姻届',
  '出生届',
  '生活保護',
  '予防接種',
  '健康診断',
  '市営住宅',
  '水道',
  '下水道',
  '図書館',
  '公園',
  '駐輪場',
  '選挙',
  '防災',
  '避難所',
  '文書管理',
  '財務会計',
  '庶務事務',
  '人事給与',
  '電子申請',
];
const THINGS = [
  '設定',
  '申請',
  '手続き',
  '変更',
  '登録',
  '更新',
  '削除',
  '確認',
  '印刷',
  '送信',
  '受付',
  '予約',
  '支払い',
  '証明書',
  '届出',
  '再発行',
  '問い合わせ',
  '利用',
  '接続',
  '保存',
];
const PROBLEMS = [
  'できない',
  'エラーになる',
  '表示されない',
  '遅い',
  '止まった',
  '分からない',
  '間違えた',
  '期限が切れた',
  '届かない',
  '見つからない',
];
const PLACES = [
  '本庁舎',
  '北支所',
  '南支所',
  '情報政策課',
  '市民課',
  '税務課',
  'こども福祉課',
  '環境政策課',
  'ヘルプデスク',
  '総務課',
];
const ACTIONS = [
  '申請書を提出してください',
  'ポータルから申請してください',
  '窓口にお越しください',
  '再起動してください',
  '担当課に連絡してください',
  '本人確認書類をお持ちください',
  '所属長の承認を受けてください',
  '設定画面で確認してください',
  '手数料は300円です',
  'マニュアルを参照してください',
];
const SYLLABLES = [
  'カ',
  'キ',
  'ク',
  'サ',
  'シ',
  'ス',
  'タ',
  'ト',
  'ナ',
  'ノ',
  'ハ',
  'ヒ',
  'マ',
  'ミ',
  'ラ',
  'リ',
  'ル',
  'ロ',
  'ア',
  'イ',
];

/** Generates `count` chunks (60 % FAQ, 40 % manual sections) from `seed`. */
export function syntheticChunks(count: number, seed = 1): Chunk[] {
  const rng = new SeededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  const name = (): string => Array.from({ length: 3 + rng.int(2) }, () => pick(SYLLABLES)).join('') + 'システム';
  const chunks: Chunk[] = [];
  for (let i = 0; i < count; i++) {
    const topic = pick(TOPICS);
    const question = `${topic}の${pick(THINGS)}が${pick(PROBLEMS)}`;
    const sentences = Array.from(
      { length: 3 + rng.int(3) },
      () =>
        `${pick([topic, pick(TOPICS), name()])}の${pick(THINGS)}は${pick(PLACES)}で${pick(ACTIONS)}。受付番号は${1000 + rng.int(90000)}です。`,
    );
    const faq = rng.next() < 0.6;
    const base = {
      id: `SYN-${i}#0`,
      documentId: `SYN-${i}`,
      kind: faq ? ('faq' as const) : ('manual' as const),
      title: faq ? question : `${topic}ガイド`,
      headingPath: faq ? [] : [`${topic}ガイド`, `${pick(THINGS)}について`],
    };
    chunks.push({
      ...base,
      fields: faq
        ? { question, answer: sentences.join(''), body: '' }
        : { question: '', answer: '', body: sentences.join('') },
    });
  }
  return chunks;
}

/** Generates `count` queries in the style of staff questions. */
export function syntheticQueries(count: number, seed = 2): string[] {
  const rng = new SeededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[rng.int(xs.length)];
  return Array.from(
    { length: count },
    () => `${pick(TOPICS)}の${pick(THINGS)}が${pick(PROBLEMS)}のですが、${pick(PLACES)}に聞けばいいですか？`,
  );
}
