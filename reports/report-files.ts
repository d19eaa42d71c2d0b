/** Renders every file of a report (xlsx, pdf, csv per table, json) and writes them to a folder. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { KotaeError } from '../core';
import { TEXT } from './labels';
import type { ReportModel } from './model';
import { renderCsvFiles, reportBaseName, type RenderedFile } from './render-csv';
import type { PdfFonts } from './pdf-document';
import { renderPdf } from './render-pdf';
import { renderXlsx } from './render-xlsx';

/** The model as pretty JSON (the `--json` output and the .json download). */
export function renderJson(model: ReportModel): string {
  return JSON.stringify(model, null, 2) + '\n';
}

/** Renders all files of a report, yielding to the event loop between the heavy ones. */
export async function renderReportFiles(model: ReportModel, final = false, fonts?: PdfFonts): Promise<RenderedFile[]> {
  const status = final ? TEXT.final : TEXT.draft;
  const base = reportBaseName(model);
  const xlsx = await renderXlsx(model, status, fonts);
  await yieldToEventLoop();
  const pdf = await renderPdf(model, status, fonts);
  await yieldToEventLoop();
  return [
    { name: `${base}.xlsx`, content: xlsx },
    { name: `${base}.pdf`, content: pdf },
    ...renderCsvFiles(model),
    { name: `${base}.json`, content: Buffer.from(renderJson(model), 'utf8') },
  ];
}

/** Writes files into `dir` (created if needed), each through a temporary file and a rename; returns their paths. */
export async function writeReportFiles(dir: string, files: readonly RenderedFile[]): Promise<string[]> {
  try {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 });
    const written: string[] = [];
    for (const f of files) {
      const target = path.join(dir, f.name);
      const tmp = `${target}.tmp-${process.pid}`;
      await fs.writeFile(tmp, f.content, { mode: 0o600 });
      await fs.rename(tmp, target);
      written.push(target);
    }
    return written;
  } catch (err) {
    throw new KotaeError('DATA_DIR_UNWRITABLE', `cannot write report files to ${dir}`, { cause: err });
  }
}
