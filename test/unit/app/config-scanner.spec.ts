/** KOTAE_CLAMD_* and KOTAE_SCAN_REQUIRED: off by default, TCP or a Unix socket, Japanese problems for bad values. */
import assert from 'node:assert/strict';
import { describeConfig, loadConfig } from '../../../app/config';
import { KotaeError } from '../../../core/errors';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env, '/srv/kotae');
  } catch (err) {
    assert.ok(err instanceof KotaeError);
    assert.equal(err.code, 'CONFIG_INVALID');
    return (err.details?.problems as string[]).filter((p) => /CLAMD|SCAN|QUARANTINE/.test(p));
  }
  assert.fail('expected CONFIG_INVALID');
}

describe('loadConfig: the malware scanner', () => {
  it('is off without an address (as before), and the start-up line says so', () => {
    const c = loadConfig({}, '/srv/kotae');
    assert.deepEqual(c.scanner, { kind: 'none' });
    assert.equal(describeConfig(c).scanner, 'none');
  });

  it('reads clamd over TCP (required by default) or a Unix socket', () => {
    const tcp = loadConfig({ KOTAE_CLAMD_HOST: 'clamav.example.lg.jp', KOTAE_CLAMD_PORT: '3310' }, '/srv/kotae');
    assert.deepEqual(tcp.scanner, {
      kind: 'clamd',
      address: { host: 'clamav.example.lg.jp', port: 3310 },
      timeoutMs: 30_000,
      required: true,
    });
    assert.equal(describeConfig(tcp).scanner, 'clamd clamav.example.lg.jp:3310 (required)');
    const unix = loadConfig(
      { KOTAE_CLAMD_SOCKET: '/run/clamav/clamd.ctl', KOTAE_CLAMD_TIMEOUT_MS: '5000', KOTAE_SCAN_REQUIRED: 'false' },
      '/srv/kotae',
    );
    assert.deepEqual(unix.scanner, {
      kind: 'clamd',
      address: { socket: '/run/clamav/clamd.ctl' },
      timeoutMs: 5000,
      required: false,
    });
    assert.equal(describeConfig(unix).scanner, 'clamd unix:/run/clamav/clamd.ctl (optional)');
  });

  it('names every bad value in Japanese', () => {
    assert.deepEqual(problems({ KOTAE_CLAMD_HOST: 'clamav', KOTAE_CLAMD_PORT: 'abc', KOTAE_SCAN_REQUIRED: 'maybe' }), [
      'KOTAE_CLAMD_PORT: ポート番号を整数で指定してください',
      'KOTAE_SCAN_REQUIRED: true または false を指定してください',
    ]);
    assert.deepEqual(
      problems({ KOTAE_CLAMD_HOST: 'clamav', KOTAE_CLAMD_PORT: '70000', KOTAE_CLAMD_TIMEOUT_MS: '10' }),
      [
        'KOTAE_CLAMD_PORT: 1〜65535 のポート番号を指定してください',
        'KOTAE_CLAMD_TIMEOUT_MS: 100〜600000 ミリ秒で指定してください',
      ],
    );
    assert.deepEqual(problems({ KOTAE_CLAMD_HOST: 'clamav' }), [
      'KOTAE_CLAMD_PORT: KOTAE_CLAMD_HOST を指定したときは必須です（clamd の TCPSocket、通常 3310）',
    ]);
    assert.deepEqual(problems({ KOTAE_CLAMD_PORT: '3310', KOTAE_CLAMD_SOCKET: 'clamd.ctl' }), [
      'KOTAE_CLAMD_SOCKET: KOTAE_CLAMD_HOST/KOTAE_CLAMD_PORT とは同時に指定できません（どちらか一方）',
      'KOTAE_CLAMD_HOST: KOTAE_CLAMD_PORT を指定したときは必須です',
      'KOTAE_CLAMD_SOCKET: clamd の LocalSocket の絶対パスを指定してください',
    ]);
    assert.deepEqual(problems({ KOTAE_SCAN_REQUIRED: 'true' }), [
      'KOTAE_SCAN_REQUIRED: ウイルス検査の接続先（KOTAE_CLAMD_HOST/PORT または KOTAE_CLAMD_SOCKET）がないと使えません',
    ]);
  });

  it('reads the scheduled rescan interval and the quarantine keeping (defaults 24 hours, 30 days)', () => {
    assert.deepEqual(loadConfig({}, '/srv/kotae').rescan, { intervalHours: 24, quarantineKeepDays: 30 });
    const set = loadConfig({ KOTAE_RESCAN_INTERVAL_HOURS: '6', KOTAE_QUARANTINE_KEEP_DAYS: '90' }, '/srv/kotae');
    assert.deepEqual(set.rescan, { intervalHours: 6, quarantineKeepDays: 90 });
    assert.deepEqual(problems({ KOTAE_RESCAN_INTERVAL_HOURS: '0', KOTAE_QUARANTINE_KEEP_DAYS: '1.5' }), [
      'KOTAE_RESCAN_INTERVAL_HOURS: 1〜720 時間で指定してください',
      'KOTAE_QUARANTINE_KEEP_DAYS: 日数を整数で指定してください',
    ]);
  });
});
