/** Splits a long text at the point where it stops fitting in a box, so a table cell can continue on the next page. */

/**
 * The longest head of `text` whose wrapped height in `width` is at most `maxHeight` (cut at a line
 * break when one is near), and the rest. Uses the document's current font and size.
 */
export function splitToFit(doc: PDFKit.PDFDocument, text: string, width: number, maxHeight: number): [string, string] {
  const fits = (n: number): boolean => doc.heightOfString(text.slice(0, n), { width }) <= maxHeight;
  if (fits(text.length)) return [text, ''];
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  const newline = text.lastIndexOf('\n', lo);
  const cut = newline > lo / 2 ? newline : lo;
  return [text.slice(0, cut).trimEnd(), text.slice(cut).replace(/^\n/, '')];
}
