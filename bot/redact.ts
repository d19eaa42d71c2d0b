/**
 * Personal data never enters the logs: a 12-digit individual number (マイナンバー) typed into a
 * chat is masked before the question is searched, stored or escalated.
 */

/** 12 digits, optionally grouped 4-4-4 with spaces or hyphens, not part of a longer number. */
const MY_NUMBER = /(?<![0-9０-９])[0-9０-９]{4}[\s\-－ー]?[0-9０-９]{4}[\s\-－ー]?[0-9０-９]{4}(?![0-9０-９])/g;

/** The mask put in place of a removed individual number. */
export const MY_NUMBER_MASK = '［個人番号削除］';

/** Masks individual numbers; `redacted` tells whether anything was removed. */
export function redactPersonalData(text: string): { text: string; redacted: boolean } {
  let redacted = false;
  const masked = text.replace(MY_NUMBER, () => {
    redacted = true;
    return MY_NUMBER_MASK;
  });
  return { text: masked, redacted };
}
