import assert from 'node:assert/strict';
import { describeConfig, loadConfig } from '../../../app/config';
import { KotaeError } from '../../../core/errors';
import { normalizeComputerName } from '../../../registers';

describe('register settings', () => {
  it('defaults to the NetBIOS-safe naming rule and 31-day bookings', () => {
    const c = loadConfig({}, '/srv/kotae');
    assert.equal(c.registers.lendingMaxDays, 31);
    assert.equal(normalizeComputerName('nz-pc-0001', c.registers.computerName), 'NZ-PC-0001');
    assert.deepEqual(describeConfig(c).registers, { computerName: '^(?:[A-Z][A-Z0-9-]{0,14})$', lendingMaxDays: 31 });
  });

  it('anchors a custom pattern in full and shows its hint', () => {
    const c = loadConfig(
      { KOTAE_COMPUTER_NAME_PATTERN: 'NZ[0-9]{4}', KOTAE_COMPUTER_NAME_HINT: 'NZ＋数字4桁（例: NZ0123）' },
      '/srv/kotae',
    );
    assert.equal(normalizeComputerName('nz0123', c.registers.computerName), 'NZ0123');
    assert.throws(
      () => normalizeComputerName('XNZ01234', c.registers.computerName),
      (e: unknown) =>
        e instanceof KotaeError && e.userMessage === 'コンピュータ名はNZ＋数字4桁（例: NZ0123）で入力してください。',
    );
  });

  it('refuses a pattern that is no regular expression and a bad booking limit, together', () => {
    assert.throws(
      () => loadConfig({ KOTAE_COMPUTER_NAME_PATTERN: '([A-Z', KOTAE_LENDING_MAX_DAYS: '0' }, '/srv/kotae'),
      /KOTAE_COMPUTER_NAME_PATTERN: must be a valid regular expression\n.*KOTAE_LENDING_MAX_DAYS/s,
    );
  });
});
