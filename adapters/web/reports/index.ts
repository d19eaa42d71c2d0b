/** The adapters/web/reports folder's public entry. */
export { createReportsRouter, type ReportPagesService } from './router';
