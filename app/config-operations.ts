/**
 * Configuration of the operations ledger (issue 16 points 1 and 3): the 適用結果報告's due date and
 * the size of a terminal CSV import. A block of its own, merged into config.ts's schema; it does not
 * read the environment itself.
 */
import { z } from 'zod';

const MB = 1024 * 1024;

/** The variables of this block (see .env.example). */
export const OPERATIONS_ENV = {
  /** The 適用結果報告 is due this many days after the patch's release date (Ichikawa: 7). */
  KOTAE_PATCH_REPORT_DUE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Largest terminal CSV the console imports. */
  KOTAE_TERMINAL_IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(200 * MB)
    .default(20 * MB),
};

/** The operations ledger's settings. */
export interface OperationsConfig {
  patchReportDueDays: number;
  terminalImportMaxBytes: number;
}

/** The block's part of the validated configuration. */
export function toOperationsConfig(e: {
  KOTAE_PATCH_REPORT_DUE_DAYS: number;
  KOTAE_TERMINAL_IMPORT_MAX_BYTES: number;
}): OperationsConfig {
  return {
    patchReportDueDays: e.KOTAE_PATCH_REPORT_DUE_DAYS,
    terminalImportMaxBytes: e.KOTAE_TERMINAL_IMPORT_MAX_BYTES,
  };
}
