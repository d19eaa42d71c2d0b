/**
 * LibreOffice (xlsx → csv) and poppler (pdftotext, pdftoppm) for the renderer tests. Installs them
 * with apt-get when missing; tests that need them fail with the reason if that fails.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureTools as ensureSystemTools } from '../../setup/system-tools';

/** Ensures soffice, pdftotext and pdftoppm exist (installing them when missing); returns undefined when ready, else why not. */
export function ensureTools(): string | undefined {
  const missing = ensureSystemTools(['soffice', 'poppler']);
  return missing.length ? `missing and not installable with apt-get: ${missing.join(', ')}` : undefined;
}

/** Converts every sheet of a workbook to `<base>-<sheet>.csv` in `outDir` (one LibreOffice run). */
export function xlsxSheetsToCsv(xlsx: string, outDir: string): Map<string, string> {
  const profile = `file://${path.join(outDir, 'lo-profile')}`;
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
      '--outdir',
      outDir,
      xlsx,
    ],
    { stdio: 'ignore', timeout: 120_000 },
  );
  const base = path.basename(xlsx, '.xlsx');
  const sheets = new Map<string, string>();
  for (const f of fs.readdirSync(outDir)) {
    if (f.startsWith(`${base}-`) && f.endsWith('.csv'))
      sheets.set(f.slice(base.length + 1, -4), fs.readFileSync(path.join(outDir, f), 'utf8'));
  }
  return sheets;
}

/** The text of a PDF (pdftotext; with `layout`, lines keep their physical layout). */
export function pdfText(pdf: string, layout = false): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), pdf, '-'], { encoding: 'utf8' });
}

/** Renders page 1 of a PDF to `<outPrefix>-1.png` at 60 dpi; returns the file. */
export function pdfFirstPagePng(pdf: string, outPrefix: string): string {
  fs.mkdirSync(path.dirname(outPrefix), { recursive: true });
  execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdf, outPrefix]);
  const dir = path.dirname(outPrefix);
  const name = fs.readdirSync(dir).find((f) => f.startsWith(path.basename(outPrefix)) && f.endsWith('.png'));
  if (!name) throw new Error('pdftoppm wrote no PNG');
  return path.join(dir, name);
}

/** Parses CSV text (RFC 4180: quoted cells may hold commas, quotes and newlines) into rows. */
export function csvRows(text: string): string[][] {
  return parseCsv(text, { bom: true, relaxColumnCount: true }) as string[][];
}
