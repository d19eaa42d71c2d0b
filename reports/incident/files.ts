/** The files of an incident report: `incident-<number>.xlsx` and `incident-<number>.pdf`. */
import type { RenderedFile } from '../render-csv';
import type { PdfFonts } from '../pdf-document';
import type { IncidentReportModel } from './model';
import { renderIncidentPdf } from './render-pdf';
import { renderIncidentXlsx } from './render-xlsx';

/** Base name of the files, e.g. 'incident-HD-2026-000123' (anything but letters, digits, '-' and '_' becomes '_'). */
export function incidentBaseName(number: string): string {
  return `incident-${number.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}

/** Renders both files. */
export async function renderIncidentFiles(model: IncidentReportModel, fonts?: PdfFonts): Promise<RenderedFile[]> {
  const base = incidentBaseName(model.number);
  return [
    { name: `${base}.xlsx`, content: await renderIncidentXlsx(model) },
    { name: `${base}.pdf`, content: await renderIncidentPdf(model, fonts) },
  ];
}
