/**
 * Multi-line text as Teams shows it. A TextBlock's Markdown keeps a single line break only inside a
 * list, so "header\nbody" would run together on one line. Each line therefore becomes its own
 * TextBlock (no gap within a paragraph, a medium gap after a blank line); consecutive list items stay in
 * one block, where Teams renders their breaks.
 */

/** One TextBlock of a card body. */
export type TextBlock = {
  type: 'TextBlock';
  text: string;
  wrap: true;
  spacing?: 'None' | 'Medium';
};

const LIST_ITEM = /^\s*(?:[-*+]|\d{1,3}[.)])\s/;

/** Splits a paragraph into runs: every plain line alone, consecutive list items together. */
function runs(paragraph: string): string[] {
  const out: string[] = [];
  let list: string[] = [];
  const flush = (): void => {
    if (list.length > 0) out.push(list.join('\n'));
    list = [];
  };
  for (const line of paragraph.split('\n').map((l) => l.trimEnd())) {
    if (LIST_ITEM.test(line)) {
      list.push(line);
      continue;
    }
    flush();
    if (line.trim() !== '') out.push(line);
  }
  flush();
  return out;
}

/** The TextBlocks showing `text` with every line break and blank line as written. */
export function textBlocks(text: string): TextBlock[] {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map(runs)
    .filter((p) => p.length > 0);
  if (paragraphs.length === 0) return [{ type: 'TextBlock', text: text.trim(), wrap: true }];
  return paragraphs.flatMap((lines, p) =>
    lines.map((line, i): TextBlock => {
      const block: TextBlock = { type: 'TextBlock', text: line, wrap: true };
      if (i > 0) block.spacing = 'None';
      else if (p > 0) block.spacing = 'Medium';
      return block;
    }),
  );
}
