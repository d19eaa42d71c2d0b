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
  division city group news notification notifications mailer finance accounting resident citizen staff dept vendor contractor
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
  /^[おご]|や$|^(?:さん|ありがと|[こそあど]ちら|よそ|どなた|あなた|だれ|みんな|だんな|よめ|かみ|むこ|まご|いもうと)$/;

/**
 * Hiragana that ends a phrase, not a name: particles and conjunctions before the adverb ちゃんと (方言でもちゃんと,
 * 送ったけどちゃんと), and しゃ / じゃ, the reading of 者 (ほごしゃさん, ぎょうしゃさん, かんじゃさん).
 */
const NOT_GIVEN_ENDINGS = /(?:でも|ても|けど|けれど|から|ので|のに|まで|って|には|では|とは|のは|しゃ|じゃ)$/;

/** Whether a hiragana word before ちゃん / くん / さん is a kin or everyday word, not a given name (おばあ, みな, おつかれ). */
export function notHiraganaGivenName(word: string): boolean {
  return KIN_WORDS.test(word) || NOT_GIVEN_BEFORE_SAN.test(word) || NOT_GIVEN_ENDINGS.test(word);
}
