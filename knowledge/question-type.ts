/**
 * Questions that ask for a kind of fact — a reason (なぜ, どうして), a price (いくら, 費用), a time (いつ, 何時) or a
 * quantity (何台, 何日前, 何GB) — are not answered by an entry that shares their words but says nothing of that kind:
 * 「パスワードはなぜ90日ごとに変えるのですか」 is not answered by the FAQ on how to change the password, nor
 * 「貸出用PCは何台ありますか」 by the one on how to borrow it. A general rule of Japanese question words and counters, not a list from any evaluation
 * set. Other question words (どこ, だれ) are left alone: FAQs answer them without a word or a form to test.
 */

interface AskedKind {
  /** The query asks for this kind of fact. */
  asks: RegExp;
  /** The entry gives that kind of fact (or at least speaks of it). */
  gives: RegExp;
}

const KINDS: readonly AskedKind[] = [
  {
    asks: /なぜ|何故|どうして|理由|なんで/u,
    gives: /なぜ|何故|どうして|理由|ため|ので|目的|防[ぐぎ止]|禁止|おそれ|恐れ|可能性|自動/u,
  },
  {
    asks: /いくら|何円|値段|価格|費用|料金|金額/u,
    gives: /[0-9０-９,，]+円|値段|価格|費用|料金|金額|無料|有料|無償|有償|予算/u,
  },
  {
    asks: /いつ(?!も|でも)|何時|何曜/u,
    gives:
      /[0-9一二三四五六七八九十]+\s*(?:月|日|時|分|年|開庁日|営業日|週|か月|ヶ月)|\d:\d|曜|毎(?:月|週|年|日|朝)|年度|月末|月初|[上中下]旬|翌(?:日|月|年|営業日|開庁日)|前日|当日|期日|予定日|随時|終日|夜間|休日|午前|午後|時期|期限|以内|ごろ|頃|すぐ|直ち|速やか/u,
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

/**
 * Quantities asked with 何 + a counter (何台, 何日前, 何GB, 何人): an entry that answers gives a number with a counter
 * of the same family (3台, 5開庁日, 50GB, 300名, 第3) or speaks of a limit (上限, 無制限). Families, not single counters:
 * 「何日かかる」 is answered by 「2週間」. 何回か / 何度も are no questions of number; どのくらい / いくつ want any number.
 */
const COUNTER_FAMILIES: readonly string[] = [
  '日|週|週間|か月|ヶ月|カ月|ケ月|年|時間|分|秒|開庁日|営業日|日間|年間',
  '人|名',
  'GB|MB|TB|KB|ギガ|メガ|テラ',
  '回|件|枚|通|個|本|台|部|冊|文字|桁|ページ|つ|箇所|か所|口|ライセンス|回線',
];
const NUMBER = '(?:第\\s*)?(?:[0-9][0-9,.]*|[一二三四五六七八九十百千万]+|数)\\s*';
const LIMIT = '上限|無制限|制限はありません|制限はない';
const QUANTITY = [
  ...COUNTER_FAMILIES.map((family) => ({
    asks: new RegExp(`何(?:十|百|千)?(?:${family})(?![かも])`, 'u'),
    gives: new RegExp(`${NUMBER}(?:${family})|${LIMIT}|何(?:${family})でも`, 'u'),
  })),
  // How much or how many without a counter (どのくらい, いくつ): a number with any counter (or %, 円, 倍) answers.
  {
    asks: /ど(?:の|れ)(?:くらい|ぐらい)|いくつ/u,
    gives: new RegExp(`${NUMBER}(?:${COUNTER_FAMILIES.join('|')}|%|割|円|倍|bps|Mbps|Gbps)|${LIMIT}`, 'u'),
  },
];

/**
 * The kinds of fact a query asks for (reason, price, time, quantity) as one test of an entry's text: true when the
 * entry speaks of none of what is asked. Undefined when the query asks for no such kind (nothing to test).
 */
export function askedKindCheck(query: string): ((entryText: string) => boolean) | undefined {
  const q = query.normalize('NFKC');
  const asked = [
    ...QUANTITY.filter((k) => k.asks.test(q)),
    ...KINDS.filter((k, i) => k.asks.test(q) && !(i === 0 && WHY_NOT_WORKING.test(q) && !OBLIGATION.test(q))),
  ];
  if (asked.length === 0) return undefined;
  return (entryText) => {
    const text = entryText.normalize('NFKC');
    return asked.some((k) => !k.gives.test(text));
  };
}

/** True when the query asks for a reason, a price, a time or a quantity and the entry's text speaks of none of it. */
export function askedKindMissing(query: string, entryText: string): boolean {
  return askedKindCheck(query)?.(entryText) ?? false;
}
