/** Recognises a requester asking about the state of their tickets, in any channel. */

/** A ticket number in a message (the prefix is configurable, so any 1–10 letters). */
const TICKET_NUMBER = /\b([A-Za-z]{1,10}-\d{4}-\d{6})\b/;
const STATUS_WORDS = /(状況|状態|進捗|進み具合|どうなって)/;
const STATUS_REQUEST = /^(お?問い?合わ?せ(の)?(状況|状態|進捗)|お?問い?合わ?せ履歴)[。.!！?？\s]*$/;

/** 「HD-2026-000123 の状況」, a bare ticket number, or 「お問い合わせ状況」 (all of the conversation's tickets). */
export function statusQuery(text: string): { number?: string } | undefined {
  const trimmed = text.trim();
  const number = TICKET_NUMBER.exec(trimmed)?.[1]?.toUpperCase();
  if (number && (STATUS_WORDS.test(trimmed) || trimmed.toUpperCase() === number)) return { number };
  return STATUS_REQUEST.test(trimmed) ? {} : undefined;
}
