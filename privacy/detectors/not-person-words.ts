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
  division city group news notification notifications mailer
  denki sangyo shoji kogyo kensetsu shoten seisakusho seiyaku ginko shinkin hoken tsushin unyu denko kosan shokai
  gakuen byoin kaihatsu kikai koumuten komuten seiki butsuryu`
    .split(/\s+/)
    .filter(Boolean),
);

/** Whether any word of a Latin-letter name (split at spaces, slashes and hyphens) is in {@link NOT_PERSON_WORDS}. */
export function hasNotPersonWord(name: string): boolean {
  return name
    .toLowerCase()
    .split(/[\s/-]+/)
    .some((word) => NOT_PERSON_WORDS.has(word));
}
