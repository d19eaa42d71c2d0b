/**
 * Text copied out of a PDF or a form breaks lines inside a word (申請者 氏名 長谷川⏎聡, 鹿児島県鹿児島市⏎郡元3丁目7番22号,
 * 昭和⏎50年11月2日, 吉村 公⏎一、). A copy of the text with such breaks removed — a line break (and the next line's
 * indent) between two letters of Japanese or digits — is read again; what is found across a removed break is mapped
 * back to the original.
 */
import type { Reading } from './reading';

/** The rejoined copy: changed where a span crosses a removed break. */
export interface Rejoined extends Reading {
  /** Whether a line break was removed right before each character. */
  joined: boolean[];
}

/** A letter a word may go on with across a break: kanji, kana, digits, a hyphen after digits. */
const WORD_END = /[一-龥々ヶぁ-ゖァ-ヶー\d-]/;
const WORD_START = /[一-龥々ヶぁ-ゖァ-ヶー\d]/;

/** The rejoined copy, or undefined when no line breaks inside a word. */
export function rejoinBrokenLines(normalized: string): Rejoined | undefined {
  if (!normalized.includes('\n')) return undefined;
  const out = { text: '', origin: [] as number[], joined: [] as boolean[] };
  let any = false;
  let joinNext = false;
  for (let i = 0; i < normalized.length; i++) {
    const ch = normalized[i]!;
    if (ch === '\n') {
      let j = i + 1;
      while (normalized[j] === ' ' || normalized[j] === '\t') j++;
      // A next line opening with a label (生年月日：…) or a time (14:02) starts an item of its own.
      const labelled = /^[^\n\s]{1,10}[：:]/.test(normalized.slice(j, j + 12));
      const previous = normalized.slice(normalized.lastIndexOf('\n', i - 1) + 1, i);
      const next = normalized.slice(j, normalized.indexOf('\n', j) < 0 ? undefined : normalized.indexOf('\n', j));
      // Rows of a table, a name list one per line, a line closed by an honorific: each line is whole.
      const whole =
        /\t|\||  /.test(previous + next) ||
        /(?:様|さん|殿|氏)$|@\S*$/.test(previous) ||
        (/^[ \t]*[一-龥々ヶ]{1,4}$/.test(previous) && /^[一-龥々ヶ]{1,4}(?:\s|$)/.test(next));
      if (!labelled && !whole && WORD_END.test(normalized[i - 1] ?? '') && WORD_START.test(normalized[j] ?? '')) {
        any = true;
        joinNext = true;
        i = j - 1;
        continue;
      }
    }
    out.text += ch;
    out.origin.push(i);
    out.joined.push(joinNext);
    joinNext = false;
  }
  if (!any) return undefined;
  const { text, origin, joined } = out;
  return {
    text,
    from: origin,
    to: origin.map((i) => i + 1),
    joined,
    // A span that crosses a removed break, not one that starts right after it.
    changed: (start, end) => joined.slice(start + 1, end).some(Boolean),
  };
}
