/**
 * Configuration of the malware scan of uploaded files: where clamd listens (TCP host and port, or a
 * Unix socket; none = no scanning), its timeout, whether a file is refused while it cannot be reached,
 * how often stored files are rescanned on a schedule and how long quarantined files are kept. A block of its own, merged into config.ts; it does not read the environment itself.
 */
import path from 'node:path';
import { z } from 'zod';

/** The scanner variables (documented in .env.example). */
export const ScannerEnvSchema = z.object({
  KOTAE_CLAMD_HOST: z
    .string()
    .regex(/^[A-Za-z0-9.:_\-[\]]{1,253}$/, 'KOTAE_CLAMD_HOST: ホスト名またはIPアドレスを指定してください')
    .optional(),
  KOTAE_CLAMD_PORT: z.coerce
    .number({ error: 'KOTAE_CLAMD_PORT: ポート番号を整数で指定してください' })
    .int('KOTAE_CLAMD_PORT: ポート番号を整数で指定してください')
    .min(1, 'KOTAE_CLAMD_PORT: 1〜65535 のポート番号を指定してください')
    .max(65_535, 'KOTAE_CLAMD_PORT: 1〜65535 のポート番号を指定してください')
    .optional(),
  KOTAE_CLAMD_SOCKET: z.string().min(1).max(1000).optional(),
  KOTAE_CLAMD_TIMEOUT_MS: z.coerce
    .number({ error: 'KOTAE_CLAMD_TIMEOUT_MS: ミリ秒を整数で指定してください' })
    .int('KOTAE_CLAMD_TIMEOUT_MS: ミリ秒を整数で指定してください')
    .min(100, 'KOTAE_CLAMD_TIMEOUT_MS: 100〜600000 ミリ秒で指定してください')
    .max(600_000, 'KOTAE_CLAMD_TIMEOUT_MS: 100〜600000 ミリ秒で指定してください')
    .default(30_000),
  KOTAE_SCAN_REQUIRED: z
    .enum(['true', 'false', '1', '0', 'yes', 'no'], {
      error: 'KOTAE_SCAN_REQUIRED: true または false を指定してください',
    })
    .transform((v) => ['true', '1', 'yes'].includes(v))
    .optional(),
  KOTAE_RESCAN_INTERVAL_HOURS: z.coerce
    .number({ error: 'KOTAE_RESCAN_INTERVAL_HOURS: 時間を整数で指定してください' })
    .int('KOTAE_RESCAN_INTERVAL_HOURS: 時間を整数で指定してください')
    .min(1, 'KOTAE_RESCAN_INTERVAL_HOURS: 1〜720 時間で指定してください')
    .max(720, 'KOTAE_RESCAN_INTERVAL_HOURS: 1〜720 時間で指定してください')
    .default(24),
  KOTAE_QUARANTINE_KEEP_DAYS: z.coerce
    .number({ error: 'KOTAE_QUARANTINE_KEEP_DAYS: 日数を整数で指定してください' })
    .int('KOTAE_QUARANTINE_KEEP_DAYS: 日数を整数で指定してください')
    .min(1, 'KOTAE_QUARANTINE_KEEP_DAYS: 1〜3650 日で指定してください')
    .max(3650, 'KOTAE_QUARANTINE_KEEP_DAYS: 1〜3650 日で指定してください')
    .default(30),
});

type ScannerEnv = z.infer<typeof ScannerEnvSchema>;

/** The malware scanner: off, or clamd at an address with its timeout and the refusal rule. */
export type ScannerConfig =
  | { kind: 'none' }
  | {
      kind: 'clamd';
      address: { host: string; port: number } | { socket: string };
      timeoutMs: number;
      /** Refuse files while clamd cannot be reached (default true). */
      required: boolean;
    };

/** The scheduled rescan of stored files and the keeping of quarantined files. */
export interface RescanConfig {
  /** At most one scheduled rescan per this many hours (KOTAE_RESCAN_INTERVAL_HOURS, default 24). */
  intervalHours: number;
  /** Days a quarantined file stays on disk for investigation (KOTAE_QUARANTINE_KEEP_DAYS, default 30). */
  quarantineKeepDays: number;
}

/** The scanner's part of KotaeConfig. */
export interface ScannerSettings {
  /** The malware scan of uploaded files: clamd, or none. */
  scanner: ScannerConfig;
  /** The scheduled rescan (off without a scanner) and the quarantine's keeping period. */
  rescan: RescanConfig;
}

/** The problems of a combination of variables (Japanese, one per variable). */
function combinationProblems(e: ScannerEnv): string[] {
  const problems: string[] = [];
  const tcp = e.KOTAE_CLAMD_HOST !== undefined || e.KOTAE_CLAMD_PORT !== undefined;
  if (tcp && e.KOTAE_CLAMD_SOCKET !== undefined)
    problems.push('KOTAE_CLAMD_SOCKET: KOTAE_CLAMD_HOST/KOTAE_CLAMD_PORT とは同時に指定できません（どちらか一方）');
  if (e.KOTAE_CLAMD_HOST !== undefined && e.KOTAE_CLAMD_PORT === undefined)
    problems.push('KOTAE_CLAMD_PORT: KOTAE_CLAMD_HOST を指定したときは必須です（clamd の TCPSocket、通常 3310）');
  if (e.KOTAE_CLAMD_PORT !== undefined && e.KOTAE_CLAMD_HOST === undefined)
    problems.push('KOTAE_CLAMD_HOST: KOTAE_CLAMD_PORT を指定したときは必須です');
  if (e.KOTAE_CLAMD_SOCKET !== undefined && !path.isAbsolute(e.KOTAE_CLAMD_SOCKET))
    problems.push('KOTAE_CLAMD_SOCKET: clamd の LocalSocket の絶対パスを指定してください');
  if (!tcp && e.KOTAE_CLAMD_SOCKET === undefined && e.KOTAE_SCAN_REQUIRED !== undefined)
    problems.push(
      'KOTAE_SCAN_REQUIRED: ウイルス検査の接続先（KOTAE_CLAMD_HOST/PORT または KOTAE_CLAMD_SOCKET）がないと使えません',
    );
  return problems;
}

/** Parses the scanner variables: the configuration, and every problem found (Japanese; none = valid). */
export function parseScannerConfig(env: Record<string, string | undefined>): {
  config: ScannerConfig;
  rescan: RescanConfig;
  problems: string[];
} {
  const off: ScannerConfig = { kind: 'none' };
  const parsed = ScannerEnvSchema.safeParse(env);
  const defaults: RescanConfig = { intervalHours: 24, quarantineKeepDays: 30 };
  if (!parsed.success) return { config: off, rescan: defaults, problems: parsed.error.issues.map((i) => i.message) };
  const e = parsed.data;
  const rescan = { intervalHours: e.KOTAE_RESCAN_INTERVAL_HOURS, quarantineKeepDays: e.KOTAE_QUARANTINE_KEEP_DAYS };
  const problems = combinationProblems(e);
  const address =
    e.KOTAE_CLAMD_SOCKET !== undefined
      ? { socket: e.KOTAE_CLAMD_SOCKET }
      : e.KOTAE_CLAMD_HOST !== undefined && e.KOTAE_CLAMD_PORT !== undefined
        ? { host: e.KOTAE_CLAMD_HOST, port: e.KOTAE_CLAMD_PORT }
        : undefined;
  if (!address || problems.length > 0) return { config: off, rescan, problems };
  const required = e.KOTAE_SCAN_REQUIRED ?? true;
  return { config: { kind: 'clamd', address, timeoutMs: e.KOTAE_CLAMD_TIMEOUT_MS, required }, rescan, problems };
}

/** The start-up line: where files are scanned, or that they are not. */
export function describeScanner(c: ScannerConfig): string {
  if (c.kind === 'none') return 'none';
  const where = 'socket' in c.address ? `unix:${c.address.socket}` : `${c.address.host}:${c.address.port}`;
  return `clamd ${where}${c.required ? ' (required)' : ' (optional)'}`;
}
