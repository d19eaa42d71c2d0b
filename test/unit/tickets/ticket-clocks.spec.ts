import assert from 'node:assert/strict';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { computeTicketClocks, createSlaTargets, type TicketClockInput } from '../../../tickets';
import { KotaeError } from '../../../core/errors';
import { jst, toJst } from '../calendar/jst';

const cal = new BusinessCalendar();
const targets = createSlaTargets({}, {}, cal.deskMinutes);
// Friday 2026-11-20 16:30 JST; Monday 11-23 is 勤労感謝の日 (a national holiday).
const createdAt = jst('2026-11-20T16:30');
const incident = (over: Partial<TicketClockInput> = {}): TicketClockInput => ({
  type: 'incident',
  priority: 'normal',
  createdAt,
  holds: [],
  ...over,
});

describe('computeTicketClocks (clocks per ticket type)', () => {
  it('defaults keep today’s response and resolution budgets for every type', () => {
    for (const type of ['inquiry', 'incident', 'request'] as const) {
      assert.deepEqual(targets.byType[type], DEFAULT_SLA_POLICY);
    }
    assert.equal(targets.incidentReportMinutes, 10 * 525);
  });

  it('restoration start: due 2 business hours after the report, across the weekend and the holiday', () => {
    const clocks = computeTicketClocks(incident(), targets, cal, jst('2026-11-23T12:00'));
    assert.equal(toJst(clocks.restorationStart!.dueAt), '2026-11-24T09:45');
    assert.equal(clocks.restorationStart!.state, 'ok');
    assert.equal(clocks.restorationStart!.elapsedBusinessMinutes, 45);
  });

  it('restoration start: breached one minute after the due time when 復旧作業開始 is not recorded', () => {
    const before = computeTicketClocks(incident(), targets, cal, jst('2026-11-24T09:45'));
    assert.equal(before.restorationStart!.state, 'due_soon');
    const after = computeTicketClocks(incident(), targets, cal, jst('2026-11-24T09:46'));
    assert.equal(after.restorationStart!.state, 'breached');
    assert.equal(after.restorationStart!.remainingBusinessMinutes, 0);
  });

  it('restoration start: met when recorded in time, met late when recorded after the due time', () => {
    const met = computeTicketClocks(
      incident({ restorationStartedAt: jst('2026-11-24T09:40') }),
      targets,
      cal,
      jst('2026-11-30T10:00'),
    );
    assert.equal(met.restorationStart!.state, 'met');
    const late = computeTicketClocks(
      incident({ restorationStartedAt: jst('2026-11-24T10:00') }),
      targets,
      cal,
      jst('2026-11-30T10:00'),
    );
    assert.equal(late.restorationStart!.state, 'met_late');
  });

  it('incident report: due 10 business days later (the holiday not counted), stopped when complete', () => {
    const open = computeTicketClocks(incident(), targets, cal, jst('2026-11-24T10:00'));
    assert.equal(toJst(open.incidentReport!.dueAt), '2026-12-07T16:30');
    const done = computeTicketClocks(
      incident({ incidentReportAt: jst('2026-12-08T09:00') }),
      targets,
      cal,
      jst('2026-12-10T09:00'),
    );
    assert.equal(done.incidentReport!.state, 'met_late');
  });

  it('inquiries and requests have no incident clocks; a type override changes only that type', () => {
    const custom = createSlaTargets(
      { responseMinutes: 120 },
      {
        types: { request: { resolutionMinutes: { normal: 60 } } },
        incident: { restorationStartMinutes: { urgent: 30 } },
      },
      cal.deskMinutes,
    );
    const req = computeTicketClocks({ ...incident(), type: 'request' }, custom, cal, jst('2026-11-20T16:40'));
    assert.equal(req.restorationStart, undefined);
    assert.equal(req.resolution.budgetBusinessMinutes, 60);
    const inq = computeTicketClocks({ ...incident(), type: 'inquiry' }, custom, cal, jst('2026-11-20T16:40'));
    assert.equal(inq.resolution.budgetBusinessMinutes, 3 * 525);
    assert.equal(custom.restorationStartMinutes.urgent, 30);
    assert.equal(custom.restorationStartMinutes.normal, 120);
  });

  it('refuses bad targets, listing every problem', () => {
    assert.throws(
      () =>
        createSlaTargets(
          {},
          { types: { incident: { responseMinutes: 0 } }, incident: { reportBusinessDays: 0 } },
          cal.deskMinutes,
        ),
      (e: unknown) =>
        e instanceof KotaeError &&
        e.code === 'INPUT_INVALID' &&
        JSON.stringify(e.details?.problems) ===
          JSON.stringify([
            'incident: responseMinutes must be a positive number',
            'incident.reportBusinessDays must be a whole number >= 1',
          ]),
    );
  });
});
