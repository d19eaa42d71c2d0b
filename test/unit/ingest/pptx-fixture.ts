/**
 * Builds small .pptx files part by part (the PresentationML a PowerPoint save contains: presentation,
 * relationships, slides with placeholders and positions, notes pages), so loader tests state exactly
 * what a deck holds.
 */
import JSZip from 'jszip';

const NS =
  'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A shape: a placeholder (title, body, ftr, sldNum …) or a plain text box, with its paragraphs. */
export interface ShapeSpec {
  ph?: string;
  paragraphs: string[];
  y?: number;
  x?: number;
}

/** A table: its rows of cells. */
export interface TableSpec {
  table: string[][];
  y?: number;
}

export interface SlideSpec {
  shapes: (ShapeSpec | TableSpec)[];
  notes?: string[];
  hidden?: boolean;
}

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function paragraphsXml(paragraphs: readonly string[]): string {
  return paragraphs
    .map(
      (p) =>
        `<a:p>${p
          .split('\n')
          .map((part, i) => `${i > 0 ? '<a:br/>' : ''}<a:r><a:rPr lang="ja-JP"/><a:t>${esc(part)}</a:t></a:r>`)
          .join('')}</a:p>`,
    )
    .join('');
}

function shapeXml(shape: ShapeSpec | TableSpec, id: number): string {
  if ('table' in shape) {
    const rows = shape.table
      .map(
        (cells) =>
          `<a:tr h="370840">${cells.map((c) => `<a:tc><a:txBody><a:bodyPr/>${paragraphsXml([c])}</a:txBody></a:tc>`).join('')}</a:tr>`,
      )
      .join('');
    return `<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="${id}" name="表 ${id}"/><p:cNvGraphicFramePr/><p:nvPr/></p:nvGraphicFramePr><p:xfrm><a:off x="500000" y="${shape.y ?? 2000000}"/><a:ext cx="8000000" cy="2000000"/></p:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/table"><a:tbl>${rows}</a:tbl></a:graphicData></a:graphic></p:graphicFrame>`;
  }
  const ph = shape.ph ? `<p:ph type="${shape.ph}"/>` : '';
  const xfrm =
    shape.y === undefined
      ? ''
      : `<a:xfrm><a:off x="${shape.x ?? 500000}" y="${shape.y}"/><a:ext cx="8000000" cy="600000"/></a:xfrm>`;
  return `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="shape ${id}"/><p:cNvSpPr/><p:nvPr>${ph}</p:nvPr></p:nvSpPr><p:spPr>${xfrm}</p:spPr><p:txBody><a:bodyPr/><a:lstStyle/>${paragraphsXml(shape.paragraphs)}</p:txBody></p:sp>`;
}

function slideXml(spec: SlideSpec, root: 'sld' | 'notes'): string {
  const shapes = spec.shapes.map((s, i) => shapeXml(s, i + 2)).join('');
  const show = root === 'sld' && spec.hidden ? ' show="0"' : '';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:${root} ${NS}${show}><p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr><p:grpSpPr/>${shapes}</p:spTree></p:cSld></p:${root}>`;
}

/** The bytes of a deck with these slides, in this order (slide parts numbered in reverse, as reordered decks are). */
export async function pptxBytes(slides: readonly SlideSpec[], title?: string): Promise<Buffer> {
  const zip = new JSZip();
  const n = slides.length;
  const part = (i: number) => n - i; // slide i is stored as slide{n-i}.xml: order comes from sldIdLst
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    'ppt/presentation.xml',
    `<?xml version="1.0" encoding="UTF-8"?><p:presentation ${NS}><p:sldIdLst>${slides.map((_, i) => `<p:sldId id="${256 + i}" r:id="rId${i + 10}"/>`).join('')}</p:sldIdLst></p:presentation>`,
  );
  zip.file(
    'ppt/_rels/presentation.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${slides.map((_, i) => `<Relationship Id="rId${i + 10}" Type="${REL}/slide" Target="slides/slide${part(i)}.xml"/>`).join('')}</Relationships>`,
  );
  slides.forEach((spec, i) => {
    zip.file(`ppt/slides/slide${part(i)}.xml`, slideXml(spec, 'sld'));
    if (spec.notes) {
      zip.file(
        `ppt/slides/_rels/slide${part(i)}.xml.rels`,
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/notesSlide" Target="../notesSlides/notesSlide${part(i)}.xml"/></Relationships>`,
      );
      const notes: SlideSpec = {
        shapes: [
          { ph: 'sldImg', paragraphs: [] },
          { ph: 'body', paragraphs: spec.notes },
          { ph: 'sldNum', paragraphs: [String(i + 1)] },
        ],
      };
      zip.file(`ppt/notesSlides/notesSlide${part(i)}.xml`, slideXml(notes, 'notes'));
    }
  });
  if (title) {
    zip.file(
      'docProps/core.xml',
      `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${esc(title)}</dc:title></cp:coreProperties>`,
    );
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
