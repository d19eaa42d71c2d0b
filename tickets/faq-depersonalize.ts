/**
 * An FAQ promoted from a ticket must read as general guidance: the requester's name, the salutation
 * line (「山田様」), the personal greeting (「お疲れ様です。情報政策課の小川です。」) and the closing
 * (「よろしくお願いいたします。」) are removed, line by line, before the draft is shown or saved.
 */

/** Whole lines that are greetings, self-introductions or closings of a personal message. */
const GREETING_LINE =
  /^(?:(?:いつも)?お世話になって(?:おり|い)ます|お疲れ様です|おつかれさまです|お忙しいところ[^。]*|ご連絡ありがとうございます|お問い合わせありがとうございます|[^\s。]{0,20}(?:課|係|室|部|局|センター|ヘルプデスク|担当)の[^\s。、]{1,10}です|(?:何卒|引き続き)?よろしくお願い(?:いた|致)?します|以上(?:、よろしくお願いいたします)?)[。！!]*$/;
/** A salutation line: a name (or 各位) followed by an honorific. */
const SALUTATION_LINE = /^[^。、]{1,20}(?:様|さま|さん|殿|各位)[、,。]?$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Removes greeting lines and the salutation from `text`; other mentions of `names` become 「ご依頼者」. */
export function depersonalize(text: string, names: readonly string[] = []): string {
  const nameParts = names
    .flatMap((n) => [n.trim().replace(/[\s　]+/g, ''), n.trim(), ...n.trim().split(/[\s　]+/)])
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length);
  const kept: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    // A line may start with a greeting sentence before the content: drop greeting sentences one by one.
    const sentences = raw.split(/(?<=[。！!])/);
    const rest = sentences.filter((s) => !GREETING_LINE.test(s.trim()) && !SALUTATION_LINE.test(s.trim()));
    let line = rest.join('');
    for (const name of nameParts) {
      line = line.replace(new RegExp(`${escapeRegExp(name)}(?:様|さま|さん|殿)?`, 'g'), 'ご依頼者');
    }
    if (raw.trim() !== '' && line.trim() === '') continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
