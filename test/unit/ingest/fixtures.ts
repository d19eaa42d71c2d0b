/** Builders of small ingest fixtures (files generated in the test, never committed binaries). */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import PDFDocument from 'pdfkit';
import type { SourceFile, SourceMeta } from '../../../ingest/loaders';
import type { IndexBuilder } from '../../../ingest/types';
import type { Chunk } from '../../../knowledge/types';

/** Noto Sans JP, so generated PDFs carry real Japanese text. */
export const JP_FONT = path.join(
  path.dirname(require.resolve('@expo-google-fonts/noto-sans-jp/package.json')),
  '400Regular/NotoSansJP_400Regular.ttf',
);

/** A fresh temporary directory; remove it with `fs.rmSync(dir, { recursive: true })`. */
export function makeTempDir(prefix = 'kotae-ingest-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A SourceFile as the pipeline would hand it to a loader. */
export function sourceFile(relPath: string, bytes: Buffer | string, meta?: SourceMeta): SourceFile {
  const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
  return { relPath, bytes: data, contentHash: createHash('sha256').update(data).digest('hex'), meta };
}

/** Renders a PDF with pdfkit; `draw` writes the pages. */
export function pdfBytes(
  draw: (doc: PDFKit.PDFDocument) => void,
  options: PDFKit.PDFDocumentOptions = {},
): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false, ...options });
  const parts: Buffer[] = [];
  doc.on('data', (part: Buffer) => parts.push(part));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(parts))));
  draw(doc);
  doc.end();
  return done;
}

/** A DOCX with Word heading styles: each entry is [level (0 = body, 'title' = 表題), text]. */
export function docxBytes(paragraphs: readonly [0 | 1 | 2 | 'title', string][]): Promise<Buffer> {
  const levels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, title: HeadingLevel.TITLE } as const;
  const children = paragraphs.map(([level, text]) =>
    level === 0 ? new Paragraph({ text }) : new Paragraph({ text, heading: levels[level] }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** A builder that writes the chunks as JSON into the generation, and remembers what it built. */
export class FakeIndexBuilder {
  readonly builds: { dir: string; chunks: Chunk[] }[] = [];
  readonly build: IndexBuilder = async (chunks, dir, options) => {
    fs.writeFileSync(path.join(dir, 'chunks.json'), JSON.stringify(chunks));
    options?.onProgress?.(chunks.length, chunks.length);
    this.builds.push({ dir, chunks });
  };

  /** Chunks of the last build. */
  get last(): Chunk[] {
    return this.builds[this.builds.length - 1]?.chunks ?? [];
  }
}

/** Reads the chunks a FakeIndexBuilder wrote into an index generation. */
export function readBuiltChunks(indexDir: string): Chunk[] {
  return JSON.parse(fs.readFileSync(path.join(indexDir, 'chunks.json'), 'utf8')) as Chunk[];
}
