import assert from 'node:assert/strict';
import {
  BusinessCalendar,
  computeSla,
  createSlaPolicy,
  DEFAULT_SLA_POLICY,
  SLA_STATE_LABELS,
  SLA_STATES,
  SlaInput,
} from '../../../calendar';
import { KotaeError } from '../../../core/errors';
import { jst, toJst } from './jst';

const cal = new BusinessCalendar();
const sla = (input: Partial<SlaInput> & { createdAt: Date }, now: string) =>
  computeSla({ priority: 'urgent', holds: [], ...input }, DEFAULT_SLA_POLICY, cal, jst(now));

describe('computeSla', () => {
  describe('response clock', () => {
    const createdAt = jst('2026-06-12T16:30'); // Friday

    it('is due 120 business minutes later, across the weekend', () => {
      const { response } = sla({ createdAt }, '2026-06-12T16:40');
      assert.equal(toJst(response.dueAt), '2026-06-15T09:45');
      assert.deepEqual(
        {
          state: response.state,
          elapsed: response.elapsedBusinessMinutes,
          remaining: response.remainingBusinessMinutes,
        },
        { state: 'ok', elapsed: 10, remaining: 110 },
      );
    });

    it('does not count the weekend and becomes due_soon at 75 % of the budget', () => {
      assert.equal(sla({ createdAt }, '2026-06-14T12:00').response.state, 'ok');
      assert.equal(sla({ createdAt }, '2026-06-15T09:14').response.state, 'ok');
      assert.equal(sla({ createdAt }, '2026-06-15T09:15').response.state, 'due_soon');
    });

    it('is breached after the due time, with 0 remaining', () => {
      const { response } = sla({ createdAt }, '2026-06-15T10:00');
      assert.equal(response.state, 'breached');
      assert.equal(response.elapsedBusinessMinutes, 135);
      assert.equal(response.remainingBusinessMinutes, 0);
    });

    it('is met at the due time and met_late after it', () => {
      assert.equal(
        sla({ createdAt, firstResponseAt: jst('2026-06-15T09:45') }, '2026-06-20T12:00').response.state,
        'met',
      );
      const late = sla({ createdAt, firstResponseAt: jst('2026-06-15T09:46') }, '2026-06-20T12:00').response;
      assert.equal(late.state, 'met_late');
      assert.equal(late.elapsedBusinessMinutes, 121);
    });

    it('starts at the next opening for a ticket created at 20:00', () => {
      const { response } = sla({ createdAt: jst('2026-06-10T20:00') }, '2026-06-11T08:00');
      assert.equal(toJst(response.dueAt), '2026-06-11T10:30');
      assert.equal(response.elapsedBusinessMinutes, 0);
    });

    it('is not paused by holds', () => {
      const holds = [{ from: jst('2026-06-12T16:35'), to: jst('2026-06-15T12:00') }];
      assert.equal(toJst(sla({ createdAt, holds }, '2026-06-15T10:00').response.dueAt), '2026-06-15T09:45');
    });
  });

  describe('resolution clock', () => {
    const createdAt = jst('2026-06-10T09:00'); // Wednesday; urgent = 240 min → 13:00

    it('uses the budget of the priority', () => {
      assert.equal(toJst(sla({ createdAt }, '2026-06-10T09:00').resolution.dueAt), '2026-06-10T13:00');
      const normal = sla({ createdAt, priority: 'normal' }, '2026-06-10T09:00').resolution;
      assert.equal(toJst(normal.dueAt), '2026-06-15T09:00');
      assert.equal(normal.budgetBusinessMinutes, 3 * 525);
    });

    it('carries over the year-end closure', () => {
      const r = sla({ createdAt: jst('2026-12-28T16:00'), priority: 'high' }, '2026-12-28T16:00').resolution;
      assert.equal(toJst(r.dueAt), '2027-01-04T15:15'); // 75 min on 12-28, then 405 on 01-04
    });

    it('is pushed back by the business minutes on hold, even overnight', () => {
      const holds = [{ from: jst('2026-06-10T10:00'), to: jst('2026-06-10T11:00') }];
      assert.equal(toJst(sla({ createdAt, holds }, '2026-06-10T12:00').resolution.dueAt), '2026-06-10T14:00');
      const overnight = [{ from: jst('2026-06-10T12:00'), to: jst('2026-06-11T10:00') }]; // 195 + 90 paused
      const r = sla({ createdAt, holds: overnight }, '2026-06-11T10:30').resolution;
      assert.equal(toJst(r.dueAt), '2026-06-11T11:00');
      assert.equal(r.elapsedBusinessMinutes, 210);
      assert.equal(r.state, 'due_soon');
    });

    it('merges overlapping holds', () => {
      const holds = [
        { from: jst('2026-06-10T10:00'), to: jst('2026-06-10T11:00') },
        { from: jst('2026-06-10T10:30'), to: jst('2026-06-10T11:30') },
      ];
      assert.equal(toJst(sla({ createdAt, holds }, '2026-06-10T12:00').resolution.dueAt), '2026-06-10T14:30');
    });

    it('keeps moving while a hold is ongoing and is not breached meanwhile', () => {
      const holds = [{ from: jst('2026-06-10T11:00') }];
      const r = sla({ createdAt, holds }, '2026-06-11T15:00').resolution;
      assert.equal(r.state, 'ok');
      assert.equal(r.elapsedBusinessMinutes, 120);
      assert.equal(toJst(r.dueAt), '2026-06-11T17:00');
    });

    it('stays breached when the hold began after the due time', () => {
      const holds = [{ from: jst('2026-06-10T14:00') }];
      const r = sla({ createdAt, holds }, '2026-06-11T15:00').resolution;
      assert.equal(toJst(r.dueAt), '2026-06-10T13:00');
      assert.equal(r.state, 'breached');
    });

    it('is met or met_late by resolvedAt, ignoring holds after resolution', () => {
      const holds = [{ from: jst('2026-06-10T10:00'), to: jst('2026-06-10T11:00') }, { from: jst('2026-06-10T15:00') }];
      assert.equal(
        sla({ createdAt, holds, resolvedAt: jst('2026-06-10T14:00') }, '2026-06-12T09:00').resolution.state,
        'met',
      );
      const late = sla({ createdAt, holds, resolvedAt: jst('2026-06-10T14:01') }, '2026-06-12T09:00').resolution;
      assert.equal(late.state, 'met_late');
      assert.equal(late.elapsedBusinessMinutes, 241);
    });

    it('rejects a hold that ends before it starts', () => {
      const holds = [{ from: jst('2026-06-10T11:00'), to: jst('2026-06-10T10:00') }];
      assert.throws(
        () => sla({ createdAt, holds }, '2026-06-10T12:00'),
        (e: unknown) => e instanceof KotaeError && e.code === 'INPUT_INVALID',
      );
    });
  });
});

describe('SLA policy and labels', () => {
  it('merges overrides into the defaults', () => {
    const p = createSlaPolicy({ responseMinutes: 60, resolutionMinutes: { urgent: 120 } });
    assert.equal(p.responseMinutes, 60);
    assert.equal(p.resolutionMinutes.urgent, 120);
    assert.equal(p.resolutionMinutes.low, 5 * 525);
    assert.ok(Object.isFrozen(p));
  });

  it('lists every problem of a bad policy', () => {
    assert.throws(
      () => createSlaPolicy({ responseMinutes: 0, resolutionMinutes: { high: Number.NaN }, dueSoonRatio: 1.5 }),
      (e: unknown) =>
        e instanceof KotaeError && e.code === 'INPUT_INVALID' && (e.details?.problems as string[]).length === 3,
    );
  });

  it('has a Japanese label for every state', () => {
    for (const state of SLA_STATES) assert.match(SLA_STATE_LABELS[state], /期限/);
  });
});
