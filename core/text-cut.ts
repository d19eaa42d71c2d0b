/**
 * Cuts text to at most `maxUnits` UTF-16 code units without splitting a surrogate pair: an emoji or a rare kanji
 * straddling the cut is left out whole, never halved into a lone surrogate (which a tokenizer or a database may refuse).
 */
export function cutText(text: string, maxUnits: number): string {
  if (text.length <= maxUnits) return text;
  const end = Math.max(0, maxUnits);
  const code = text.charCodeAt(end - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? end - 1 : end);
}

/** Where to cut text at or before `index` without splitting a surrogate pair (an index inside a pair moves back). */
export function safeCutIndex(text: string, index: number): number {
  if (index <= 0 || index >= text.length) return Math.max(0, Math.min(index, text.length));
  const code = text.charCodeAt(index - 1);
  return code >= 0xd800 && code <= 0xdbff ? index - 1 : index;
}
