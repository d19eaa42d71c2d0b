/**
 * Latin-letter words that make a would-be name a business's, a team's or a product's: 「Microsoft Teams
 * さん」, 「Yamada Denki」, From: "IT Service Desk" <…>. One list for every detector of Latin names
 * (person-name.ts before an honorific, romaji-name.ts, english-context.ts), lower case.
 */
export const NOT_PERSON_WORDS: ReadonlySet<string> = new Set(
  `microsoft teams office google workspace cisco webex zoom adobe apple amazon aws windows outlook excel word
  sharepoint onedrive line logo kotae bot
  inc inc. ltd ltd. limited corporation corp corp. co. company technologies systems system solutions japan update
  electric electronics industries industry trading branch bank school university hospital clinic
  desk center centre service services support team help helpdesk info admin noreply office department section
  division city town village prefecture municipal government group it hr news notification notifications mailer finance accounting resident citizen staff dept vendor contractor
  denki sangyo shoji kogyo kensetsu shoten seisakusho seiyaku ginko shinkin hoken tsushin unyu denko kosan shokai
  gakuen byoin kaihatsu kikai koumuten komuten seiki butsuryu`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * Whether any word of a Latin-letter name (split at spaces, slashes, commas and hyphens) is in {@link NOT_PERSON_WORDS}.
 */
export function hasNotPersonWord(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[\s/,-]+/)
    .some((word) => NOT_PERSON_WORDS.has(word));
}

/** Kin and everyday words before ちゃん / くん that are no given names. */
const KIN_WORDS =
  /^(?:お?ばあ|お?じい|お?ねえ|お?にい|お?かあ|お?とう|お?ば|お?じ|あか|ぼっ|ぼく|みな|おっ|ちび|わんわん|にゃん|おまわり|おいしゃ|かかりつけ)$/;
/** Hiragana words before さん that are no one's name: polite prefixes (おつかれ, ごくろう), shops (やおや), you and they. */
const NOT_GIVEN_BEFORE_SAN =
  /^[おご]|や$|^(?:さん|ありがと|[こそあど]ちら|よそ|どなた|あなた|だれ|みんな|だんな|よめ|かみ|むこ|まご|いもうと|おとうと|むすこ|むすめ|いとこ)$/;

/**
 * Hiragana that ends a phrase, not a name: particles and conjunctions before the adverb ちゃんと (方言でもちゃんと,
 * 送ったけどちゃんと), and しゃ / じゃ, the reading of 者 (ほごしゃさん, ぎょうしゃさん, かんじゃさん).
 */
const NOT_GIVEN_ENDINGS = /(?:でも|ても|けど|けれど|から|ので|のに|まで|って|には|では|とは|のは|しゃ|じゃ)$/;

/** Whether a hiragana word before ちゃん / くん / さん is a kin or everyday word, not a given name (おばあ, みな, おつかれ). */
export function notHiraganaGivenName(word: string): boolean {
  return KIN_WORDS.test(word) || NOT_GIVEN_BEFORE_SAN.test(word) || NOT_GIVEN_ENDINGS.test(word);
}

/**
 * Kinds of staff, trades and sections called さん in an office (パートさん, 通訳さん, 総務さん, 農協さん): who someone
 * is to the writer, not their name. General office Japanese, not read off any labelled case (person-name.ts).
 */
export const STAFF_AND_TRADES: readonly string[] = [
  'パート',
  'アルバイト',
  'バイト',
  'インターン',
  '非常勤',
  '常勤',
  '臨時',
  '嘱託',
  '会計年度',
  '任用',
  '新採',
  '新任',
  '新規',
  '実習',
  '研修',
  '通訳',
  '翻訳',
  '事務',
  '庶務',
  '総務',
  '人事',
  '経理',
  '会計',
  '財政',
  '営業',
  '設計',
  '技術',
  '広報',
  '秘書',
  '守衛',
  '警備',
  '清掃',
  '配達',
  '宅配',
  '郵便',
  '運送',
  '外注',
  '委託',
  '業務委託',
  '下請け',
  '元請け',
  '取引先',
  '施工',
  '工事',
  '電気',
  '水道',
  '農協',
  '漁協',
  '生協',
  '信金',
  '銀行',
  '郵便局',
  '保健',
  '福祉',
  'ママ',
  'パパ',
  'コンサル',
  'コンサルタント',
  'エンジニア',
  'デザイナー',
  'カメラマン',
  'ボランティア',
  'ケアマネ',
  'ヘルパー',
];
