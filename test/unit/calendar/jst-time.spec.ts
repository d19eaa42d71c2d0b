import assert from 'node:assert/strict';
import { parseJstDateTime } from '../../../calendar';

/** The instant parsed, as ISO text; 'Invalid Date' when refused. */
function parsed(value: string): string {
  const d = parseJstDateTime(value);
  return Number.isNaN(d.getTime()) ? 'Invalid Date' : d.toISOString();
}

describe('parseJstDateTime', () => {
  it('reads a date as JST midnight and a datetime-local value as JST wall-clock time', () => {
    assert.equal(parsed('2026-04-01'), '2026-03-31T15:00:00.000Z');
    assert.equal(parsed('2026-04-01T09:30'), '2026-04-01T00:30:00.000Z');
    assert.equal(parsed(' 2026-12-31T23:59 '), '2026-12-31T14:59:00.000Z');
    assert.equal(parsed('2026-01-01T00:00'), '2025-12-31T15:00:00.000Z');
  });

  it('takes February 29 in a leap year (2028, 2000)', () => {
    assert.equal(parsed('2028-02-29'), '2028-02-28T15:00:00.000Z');
    assert.equal(parsed('2028-02-29T12:00'), '2028-02-29T03:00:00.000Z');
    assert.equal(parsed('2000-02-29'), '2000-02-28T15:00:00.000Z');
  });

  it('refuses February 29 in a year that is not a leap year (2026, 2100), not March 1', () => {
    assert.equal(parsed('2026-02-29'), 'Invalid Date');
    assert.equal(parsed('2026-02-29T09:00'), 'Invalid Date');
    assert.equal(parsed('2100-02-29'), 'Invalid Date');
  });

  it('refuses February 30 and April 31, not March 2 or May 1', () => {
    assert.equal(parsed('2026-02-30'), 'Invalid Date');
    assert.equal(parsed('2026-02-30T10:00'), 'Invalid Date');
    assert.equal(parsed('2026-04-31'), 'Invalid Date');
    assert.equal(parsed('2026-04-30'), '2026-04-29T15:00:00.000Z');
  });

  it('refuses 24:00, not midnight of the next day', () => {
    assert.equal(parsed('2026-01-01T24:00'), 'Invalid Date');
  });

  it('refuses 25:00', () => {
    assert.equal(parsed('2026-01-01T25:00'), 'Invalid Date');
  });

  it('refuses 23:60', () => {
    assert.equal(parsed('2026-01-01T23:60'), 'Invalid Date');
  });

  it('refuses month 13 and month 0', () => {
    assert.equal(parsed('2026-13-01'), 'Invalid Date');
    assert.equal(parsed('2026-00-10'), 'Invalid Date');
  });

  it('refuses day 0 and day 32', () => {
    assert.equal(parsed('2026-01-00'), 'Invalid Date');
    assert.equal(parsed('2026-01-32'), 'Invalid Date');
  });

  it('refuses malformed text', () => {
    for (const v of ['', '2026-1-01', '2026/01/01', '2026-01-01T9:00', '2026-01-01T09:00:00', '2026-01-01 09:00']) {
      assert.equal(parsed(v), 'Invalid Date', v);
    }
  });
});
