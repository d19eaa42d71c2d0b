import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BusinessCalendar, computeSla, DEFAULT_SLA_POLICY, SlaHold, SlaInput } from '../../../calendar';
import { TICKET_PRIORITIES } from '../../../tickets';
import { configArb, instantArb } from './arbitraries';

const DAY_MS = 86_400_000;

/** Long after every clock of a generated ticket has run out. */
const later = (t: SlaInput): Date => new Date(t.createdAt.getTime() + 90 * DAY_MS);

/** A ticket with up to three finished holds within two weeks of its creation. */
const ticketArb: fc.Arbitrary<SlaInput> = fc
  .record({
    createdAt: instantArb,
    priority: fc.constantFrom(...TICKET_PRIORITIES),
    holds: fc.array(fc.tuple(fc.integer({ min: 0, max: 14 * DAY_MS }), fc.integer({ min: 0, max: 3 * DAY_MS })), {
      maxLength: 3,
    }),
  })
  .map(({ createdAt, priority, holds }) => ({
    createdAt,
    priority,
    holds: holds.map(([start, length]): SlaHold => ({
      from: new Date(createdAt.getTime() + start),
      to: new Date(createdAt.getTime() + start + length),
    })),
  }));

describe('computeSla properties', () => {
  it('at its due time a clock has used exactly its budget and is not yet breached', () => {
    fc.assert(
      fc.property(configArb, ticketArb, (config, ticket) => {
        const cal = new BusinessCalendar(config);
        const { resolution } = computeSla(ticket, DEFAULT_SLA_POLICY, cal, later(ticket));
        const atDue = computeSla(ticket, DEFAULT_SLA_POLICY, cal, resolution.dueAt).resolution;
        assert.equal(atDue.dueAt.getTime(), resolution.dueAt.getTime());
        assert.equal(atDue.elapsedBusinessMinutes, resolution.budgetBusinessMinutes);
        assert.equal(atDue.remainingBusinessMinutes, 0);
        assert.equal(atDue.state, 'due_soon');
        const after = new Date(resolution.dueAt.getTime() + 1);
        assert.equal(computeSla(ticket, DEFAULT_SLA_POLICY, cal, after).resolution.state, 'breached');
      }),
      { numRuns: 200 },
    );
  });

  it('holds never bring the resolution due time forward and never move the response due time', () => {
    fc.assert(
      fc.property(configArb, ticketArb, (config, ticket) => {
        const cal = new BusinessCalendar(config);
        const withHolds = computeSla(ticket, DEFAULT_SLA_POLICY, cal, later(ticket));
        const without = computeSla({ ...ticket, holds: [] }, DEFAULT_SLA_POLICY, cal, later(ticket));
        assert.ok(withHolds.resolution.dueAt >= without.resolution.dueAt);
        assert.equal(withHolds.response.dueAt.getTime(), without.response.dueAt.getTime());
        assert.equal(
          without.response.dueAt.getTime(),
          cal.addBusinessMinutes(ticket.createdAt, DEFAULT_SLA_POLICY.responseMinutes).getTime(),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('elapsed + remaining equals the budget until the clock is breached', () => {
    fc.assert(
      fc.property(configArb, ticketArb, fc.integer({ min: 0, max: 20 * DAY_MS }), (config, ticket, offset) => {
        const cal = new BusinessCalendar(config);
        const now = new Date(ticket.createdAt.getTime() + offset);
        for (const clock of Object.values(computeSla(ticket, DEFAULT_SLA_POLICY, cal, now))) {
          if (clock.state === 'breached') assert.equal(clock.remainingBusinessMinutes, 0);
          else assert.equal(clock.elapsedBusinessMinutes + clock.remainingBusinessMinutes, clock.budgetBusinessMinutes);
        }
      }),
      { numRuns: 200 },
    );
  });
});
