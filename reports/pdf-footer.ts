/** Page footers of a finished PDF ("title period n / N"), drawn inside the bottom margin of every page. */

/** Writes `text(page, pages)` centred near the bottom of every buffered page. */
export function drawPageFooters(
  doc: PDFKit.PDFDocument,
  text: (page: number, pages: number) => string,
  options: { margin: number; fromBottom: number },
): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottomMargin = doc.page.margins.bottom;
    // The footer sits inside the bottom margin; without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0;
    doc
      .font('jp')
      .fontSize(7)
      .fillColor('#666666')
      .text(text(i + 1, range.count), options.margin, doc.page.height - options.fromBottom, {
        width: doc.page.width - 2 * options.margin,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottomMargin;
  }
}
