/** Debian's Chromium for browser tests: installed with apt-get when missing, never downloaded by a test tool. */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { ensureTools } from '../setup/system-tools';

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

/** Installs chromium when missing (the suite's one apt-get installer); returns why it is unavailable, if it is. */
export function ensureChromium(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  ensureTools(['chromium']);
  return existsSync(CHROMIUM) ? undefined : 'chromium is missing and apt-get could not install it';
}

/** Best effort: a Japanese font so screenshots are legible (tests pass without it). */
export function ensureJapaneseFont(): void {
  if (ensureTools(['japaneseFont']).length > 0) {
    console.warn('no Japanese font: screenshots will show boxes instead of Japanese text');
  }
}

/**
 * The browser specs' one preamble: installs chromium (and, best effort, a Japanese font) and launches it
 * headless. Throws when chromium cannot be installed, so the calling hook FAILS (never skips).
 */
export async function launchChromium(): Promise<Browser> {
  const missing = ensureChromium();
  if (missing) throw new Error(`browser test needs chromium: ${missing}`);
  ensureJapaneseFont();
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
