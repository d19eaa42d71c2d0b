import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { KotaeError } from '../../../core/errors';
import { eraYear } from '../../../calendar';
import { parsePeriod } from '../../../reports';
import { jst, NOW_AFTER_MAY } from './fixture';

const invalid = (kind: string, text: string, now = NOW_AFTER_MAY) =>
  assert.throws(
    () => parsePeriod(kind, text, now),
    (e: unknown) =>
      e instanceof KotaeError && e.code === 'REPORT_PERIOD_INVALID' && /[ぁ-んァ-ン一-龥]/.test(e.userMessage),
  );

describe('report periods', () => {
  it('bounds a month in JST', () => {
    const p = parsePeriod('monthly', '2026-04', NOW_AFTER_MAY);
    assert.equal(p.from.toISOString(), '2026-03-31T15:00:00.000Z');
    assert.equal(p.to.toISOString(), '2026-04-30T15:00:00.000Z');
    assert.equal(p.label, '令和8年4月（2026年4月）');
  });

  it('bounds the fiscal first half (April–September) and the fiscal year (April–March)', () => {
    const half = parsePeriod('halfyear', 'FY2026', jst('2026-10-01 09:00'));
    assert.deepEqual(
      [half.key, half.from.toISOString(), half.to.toISOString()],
      ['FY2026', '2026-03-31T15:00:00.000Z', '2026-09-30T15:00:00.000Z'],
    );
    assert.equal(half.months.length, 6);
    const year = parsePeriod('annual', '2026', jst('2027-04-01 09:00'));
    assert.deepEqual(
      [year.key, year.from.toISOString(), year.to.toISOString()],
      ['FY2026', '2026-03-31T15:00:00.000Z', '2027-03-31T15:00:00.000Z'],
    );
    assert.equal(year.label, '令和8年度（2026年4月〜2027年3月）');
    assert.deepEqual([year.months[0], year.months[11]], ['2026-04', '2027-03']);
  });

  it('bounds a custom period of whole JST days, both ends included, and re-parses its key', () => {
    const p = parsePeriod('custom', '2026-03-25..2026-04-03', NOW_AFTER_MAY);
    assert.deepEqual(
      [p.kind, p.key, p.from.toISOString(), p.to.toISOString(), p.months],
      ['custom', '260325-260403', '2026-03-24T15:00:00.000Z', '2026-04-03T15:00:00.000Z', ['2026-03', '2026-04']],
    );
    assert.equal(p.label, '令和8年3月25日〜令和8年4月3日（2026年3月25日〜2026年4月3日）');
    assert.deepEqual(parsePeriod('custom', p.key, NOW_AFTER_MAY), p);
    const leap = parsePeriod('custom', '2024-01-01..2024-12-31', NOW_AFTER_MAY);
    assert.equal((leap.to.getTime() - leap.from.getTime()) / 86_400_000, 366);
    invalid('custom', '2024-01-01..2025-01-01');
    // A period ending today holds the data so far (a draft); one ending tomorrow is refused.
    invalid('custom', '2026-06-09..2026-06-10', jst('2026-06-09 23:59'));
    assert.equal(parsePeriod('custom', '2026-06-01..2026-06-09', jst('2026-06-09 00:00')).key, '260601-260609');
    assert.equal(parsePeriod('custom', '2026-06-09..2026-06-09', jst('2026-06-10 00:00')).key, '260609-260609');
    invalid('custom', '2026-05-02..2026-05-01');
    invalid('custom', '2026-13-01..2026-13-02');
    invalid('custom', '2026-05');
  });

  it('bounds the fiscal second half (October–March) as FY…H2; H1 is the first half under its old key', () => {
    const second = parsePeriod('halfyear', '2026H2', jst('2026-10-01 00:00'));
    assert.deepEqual(
      [second.key, second.from.toISOString(), second.to.toISOString(), second.label],
      ['FY2026H2', '2026-09-30T15:00:00.000Z', '2027-03-31T15:00:00.000Z', '令和8年度 下半期（2026年10月〜2027年3月）'],
    );
    assert.deepEqual(second.months, ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02', '2027-03']);
    assert.deepEqual(parsePeriod('halfyear', 'fy2026h2', jst('2027-04-01 00:00')), second);
    const first = parsePeriod('halfyear', 'FY2026H1', jst('2026-10-01 00:00'));
    assert.deepEqual([first.key, first.label], ['FY2026', '令和8年度 上半期（2026年4月〜2026年9月）']);
    assert.deepEqual(parsePeriod('halfyear', '2026', jst('2026-10-01 00:00')), first);
    assert.throws(() => parsePeriod('halfyear', 'FY2026H2', jst('2026-09-30 23:59')), /future/);
    invalid('halfyear', '2026H3');
    invalid('annual', '2026H2');
  });

  it('derives era years with Intl (令和元年, 平成31年)', () => {
    assert.equal(eraYear(jst('2026-04-01 00:00')), '令和8年');
    assert.equal(eraYear(jst('2019-05-01 00:00')), '令和元年');
    assert.equal(eraYear(jst('2019-04-30 23:59')), '平成31年');
  });

  it('rejects malformed periods and kinds with a Japanese message', () => {
    invalid('monthly', '2026-13');
    invalid('monthly', '2026/05');
    invalid('monthly', 'May');
    invalid('halfyear', 'FY26');
    invalid('annual', '1999');
    invalid('weekly', '2026-05');
  });

  it('rejects a period that starts after now, but allows the one in progress', () => {
    invalid('monthly', '2026-07');
    assert.throws(() => parsePeriod('monthly', '2026-06', jst('2026-05-31 23:59')), /future/);
    assert.equal(parsePeriod('monthly', '2026-06', jst('2026-06-01 00:00')).key, '2026-06');
    invalid('annual', '2027', jst('2027-03-31 23:59'));
  });

  for (const tz of ['UTC', 'America/Los_Angeles']) {
    it(`computes the same May report with the server in TZ=${tz}`, function () {
      this.timeout(60_000);
      const script = path.join(__dirname, 'print-may-report.ts');
      const out = execFileSync(process.execPath, ['--import', 'tsx', script], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      });
      const result = JSON.parse(out) as { tz: string; offset: number; failures: string[] };
      assert.equal(result.tz, tz);
      if (tz !== 'UTC') assert.notEqual(result.offset, 0);
      assert.deepEqual(result.failures, []);
    });
  }
});
