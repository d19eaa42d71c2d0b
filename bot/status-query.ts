/** Recognises a requester asking about the state of their tickets, in any channel. */

/** A ticket number in a message (the prefix is configurable, so any 1–10 letters). */
const TICKET_NUMBER = /\b([A-Za-z]{1,10}-\d{4}-\d{6})\b/;
const STATUS_WORDS = /(状況|状態|進捗|進み具合|どうなって)/;
const STATUS_REQUEST = /^(お?問い?合わ?せ(の)?(状況|状態|進捗)|お?問い?合わ?せ履歴)[。.!！?？\s]*$/;
/** The same asked in everyday words, as a whole message (状況を教えて, 進捗は？, その後どうなりましたか). */
const STATUS_NATURAL =
  /^(?:(?:今の|いまの|対応|処理|お?問い?合わ?せの)?(?:状況|状態|進捗|進み具合)(?:を|は)?(?:教えて(?:ください|下さい|ほしい|欲しい)?|どう(?:ですか|なって(?:いますか|ますか|る))?|確認したい(?:です)?|知りたい(?:です)?)?|(?:その後|あれから)?どうなって(?:いますか|ますか|る)|(?:その後|あれから)?どうなりましたか)(?:でしょうか)?[。.!！?？\s]*$/;

/**
 * 「HD-2026-000123 の状況」, a bare ticket number, or 「お問い合わせ状況」 / 「状況を教えて」 (all of the conversation's
 * tickets).
 */
export function statusQuery(text: string): { number?: string } | undefined {
  const trimmed = text.trim();
  const number = TICKET_NUMBER.exec(trimmed)?.[1]?.toUpperCase();
  if (number && (STATUS_WORDS.test(trimmed) || trimmed.toUpperCase() === number)) return { number };
  return STATUS_REQUEST.test(trimmed) || STATUS_NATURAL.test(trimmed) ? {} : undefined;
}
