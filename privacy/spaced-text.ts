/**
 * Text spaced out character by character (OCR of a form, a fixed-width screen: 「福 田　　千 尋」「平成 3 年 8 月
 * 2 6 日」): such lines are compacted — single spaces between characters removed, wider gaps kept as one space —
 * so the detectors read 福田 千尋 and 平成3年8月26日; what they find there is mapped back to the original.
 */

/** A compacted copy of the text's spaced-out lines and, per character of it, its index in the original. */
export interface Compacted {
  text: string;
  origin: number[];
}

/** Most of a line's tokens are single characters, and there are a few of them. */
function spacedOut(line: string): boolean {
  const tokens = line.split(/[ \t]+/).filter(Boolean);
  const singles = tokens.filter((t) => [...t].length === 1).length;
  return singles >= 5 && singles >= 0.6 * tokens.length;
}

/** A form's field labels, as a scanned form spaces them out like its values (氏 　名, フ リ ガ ナ, 申 込 者). */
const FORM_LABEL =
  /^(?:(?:申請者|申込者|届出人|世帯主|保護者|代理人)?(?:氏名|お?名前)|フリガナ|ふりがな|ﾌﾘｶﾞﾅ|生年月日|住所|現住所|電話番号|電話|携帯電話|申込者|申請者|届出人|世帯主|保護者|代理人)$/;

/**
 * Where a line's opening label ends when the label is spaced out letter by letter (氏 　名 喜 屋 武: 氏名, then the
 * value): the gaps inside the label may be as wide as the one after it, so the label is told by its word. 0 when none.
 */
function spacedLabelEnd(line: string): number {
  let word = '';
  let end = 0;
  for (const m of line.matchAll(/\S+/g)) {
    if ([...m[0]].length !== 1) break;
    word += m[0];
    if (word.length >= 2 && FORM_LABEL.test(word)) end = m.index + 1;
  }
  return end;
}

/** The compacted text, or undefined when no line is spaced out. */
export function compactSpacedLines(normalized: string, original = normalized): Compacted | undefined {
  let text = '';
  const origin: number[] = [];
  let offset = 0;
  let any = false;
  for (const line of normalized.split('\n')) {
    const labelEnd = spacedLabelEnd(line);
    const spaced = labelEnd > 0 || spacedOut(line);
    any ||= spaced;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i]!;
      if (spaced && (ch === ' ' || ch === '\t')) {
        // A gap of two or more spaces separates words; one space separates letters of a word.
        // An ideographic space (normalised to one space) is a gap between words too; a spaced label is one word.
        const wide =
          (labelEnd > 0 && i === labelEnd) ||
          (i > labelEnd && (line[i + 1] === ' ' || line[i + 1] === '\t' || original[offset + i] === '\u3000'));
        let j = i;
        while (line[j + 1] === ' ' || line[j + 1] === '\t') j++;
        if (wide) {
          text += ' ';
          origin.push(offset + i);
        }
        i = j;
        continue;
      }
      text += ch;
      origin.push(offset + i);
    }
    text += '\n';
    origin.push(offset + line.length);
    offset += line.length + 1;
  }
  return any ? { text: text.slice(0, -1), origin: origin.slice(0, -1) } : undefined;
}

/**
 * A test of whether a name read on the text as it stands is single letters set apart on a spaced-out line (金 額 of a
 * scanned invoice, read as a family and a given name): there only the compacted reading (金額) counts. Each line is
 * judged once.
 */
export function spacedLettersTest(normalized: string): (start: number, end: number) => boolean {
  const lines = new Map<number, boolean>();
  return (start, end) => {
    if (!/^\S(?:[ \t]\S)+$/.test(normalized.slice(start, end))) return false;
    const from = normalized.lastIndexOf('\n', start - 1) + 1;
    let spaced = lines.get(from);
    if (spaced === undefined) {
      const to = normalized.indexOf('\n', from);
      spaced = spacedOut(normalized.slice(from, to < 0 ? undefined : to));
      lines.set(from, spaced);
    }
    return spaced;
  };
}
