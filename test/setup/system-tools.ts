/**
 * Mocha global setup: the Debian packages the browser and report tests drive (chromium, a Japanese
 * font, poppler-utils, LibreOffice Calc) are installed with apt-get once, before any test and outside
 * any test's timeout, when some are missing. Never a downloaded browser. If apt-get cannot install
 * them, the tests that need them say so and skip.
 */
import { spawnSync } from 'node:child_process';

const has = (cmd: string): boolean => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const hasJapaneseFont = (): boolean => spawnSync('sh', ['-c', 'fc-list :lang=ja | grep -q .']).status === 0;

/** Runs once before the suite. */
export function mochaGlobalSetup(): void {
  const wanted: string[] = [];
  if (!has('chromium')) wanted.push('chromium');
  if (!has('pdftotext') || !has('pdftoppm')) wanted.push('poppler-utils');
  if (!has('soffice')) wanted.push('libreoffice-calc-nogui');
  if (!hasJapaneseFont()) wanted.push('fonts-noto-cjk');
  if (wanted.length === 0) return;
  process.stderr.write(`test setup: installing ${wanted.join(', ')} with apt-get\n`);
  const result = spawnSync(
    'sh',
    ['-c', `apt-get update -qq && apt-get install -y -qq --no-install-recommends ${wanted.join(' ')}`],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      timeout: 30 * 60_000,
    },
  );
  if (result.status !== 0)
    process.stderr.write('test setup: apt-get could not install every package; dependent tests will skip\n');
}
