/**
 * Mocha global setup and teardown, and the one apt-get installer of the test suite.
 * The Debian packages the browser, report and PostgreSQL tests drive (chromium, a Japanese font,
 * poppler-utils, LibreOffice Calc, PostgreSQL, ClamAV's clamd) are installed once, before any test and outside any
 * test's timeout, when some are missing. Never a downloaded browser. A tool that still is missing
 * makes the tests that need it FAIL with the reason (`requireTool`); nothing skips.
 * The teardown stops the throw-away PostgreSQL cluster (see test/helpers/postgres.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopPostgresServer } from '../helpers/postgres';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasJapaneseFont = (): boolean => spawnSync('sh', ['-c', 'fc-list :lang=ja | grep -q .']).status === 0;

/** Where Debian puts PostgreSQL's server binaries (the newest installed major version), if present. */
export function postgresBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!fs.existsSync(root)) return undefined;
  const versions = fs
    .readdirSync(root)
    .filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length ? path.join(root, versions[0], 'bin') : undefined;
}

/** Where Debian puts clamd (/usr/sbin, not always on a non-root PATH), if installed. */
export function clamdPath(): string | undefined {
  if (has('clamd')) return spawnSync('sh', ['-c', 'command -v clamd'], { encoding: 'utf8' }).stdout.trim();
  return fs.existsSync('/usr/sbin/clamd') ? '/usr/sbin/clamd' : undefined;
}

/** System tools a test can require, with the Debian package that provides each and its check. */
const TOOLS = {
  chromium: { pkg: 'chromium', present: () => has('chromium') },
  poppler: { pkg: 'poppler-utils', present: () => has('pdftotext') && has('pdftoppm') },
  soffice: { pkg: 'libreoffice-calc-nogui', present: () => has('soffice') },
  japaneseFont: { pkg: 'fonts-noto-cjk', present: hasJapaneseFont },
  postgres: { pkg: 'postgresql', present: () => postgresBinDir() !== undefined },
  // The malware-scan tests start their own clamd on loopback with a private signature database (no freshclam).
  clamd: { pkg: 'clamav-daemon', present: () => clamdPath() !== undefined },
} as const;

/** A tool tests may depend on. */
export type SystemTool = keyof typeof TOOLS;

/** Installs Debian packages with apt-get (non-interactive); returns false when apt-get failed. */
export function aptInstall(packages: readonly string[]): boolean {
  if (packages.length === 0) return true;
  process.stderr.write(`test setup: installing ${packages.join(', ')} with apt-get\n`);
  const result = spawnSync(
    'sh',
    ['-c', `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${packages.join(' ')}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 30 * 60_000,
    },
  );
  return result.status === 0;
}

/** Installs the missing tools; returns the names still missing afterwards. */
export function ensureTools(tools: readonly SystemTool[]): SystemTool[] {
  const missing = tools.filter((t) => !TOOLS[t].present());
  aptInstall(missing.map((t) => TOOLS[t].pkg));
  return tools.filter((t) => !TOOLS[t].present());
}

/** Throws (so the calling test fails) when a tool is missing and apt-get could not install it. */
export function requireTool(...tools: SystemTool[]): void {
  const missing = ensureTools(tools);
  if (missing.length > 0) {
    throw new Error(
      `required system tool missing and apt-get could not install it: ${missing.map((t) => TOOLS[t].pkg).join(', ')}`,
    );
  }
}

/** Runs once before the suite. */
export function mochaGlobalSetup(): void {
  const missing = ensureTools(Object.keys(TOOLS) as SystemTool[]);
  if (missing.length > 0) {
    process.stderr.write(`test setup: still missing after apt-get: ${missing.join(', ')}; dependent tests will fail\n`);
  }
}

/** Runs once after the suite: stops the PostgreSQL cluster if a test started one. */
export function mochaGlobalTeardown(): void {
  stopPostgresServer();
}
