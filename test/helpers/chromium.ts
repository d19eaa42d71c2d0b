/** Debian's Chromium for browser tests: installed with apt-get when missing, never downloaded by a test tool. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Where Debian installs it. */
export const CHROMIUM = '/usr/bin/chromium';
/** Flags for a closed network: no background traffic, no sandbox (root), headless. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Installs chromium when missing; returns why it is unavailable, if it is. */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  try {
    execFileSync('apt-get', ['update'], { stdio: 'ignore', timeout: 300_000 });
    execFileSync('apt-get', ['install', '-y', 'chromium'], {
      stdio: 'ignore',
      timeout: 600_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (err) {
    return `apt-get install chromium failed: ${err instanceof Error ? err.message : String(err)}`;
  }
  return existsSync(CHROMIUM) ? undefined : 'chromium not found after installation';
}

/** Best effort: a Japanese font so screenshots are legible (tests pass without it). */
export function ensureJapaneseFont(): void {
  try {
    if (execFileSync('fc-list', [':lang=ja'], { encoding: 'utf8' }).trim()) return;
    execFileSync('apt-get', ['install', '-y', 'fonts-noto-cjk'], {
      stdio: 'ignore',
      timeout: 300_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch {
    console.warn('no Japanese font: screenshots will show boxes instead of Japanese text');
  }
}
