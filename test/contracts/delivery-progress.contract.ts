/** The DeliveryProgress standard suite: the SQL store and the in-memory fake must pass it. */
import assert from 'node:assert/strict';
import type { ChannelProgress, DeliveryGeneration, DeliveryProgress } from '../../reports';

/** Builds a fresh, empty store. */
export type DeliveryProgressFactory = () => Promise<DeliveryProgress>;

const at = (iso: string) => new Date(iso);
const MAY: DeliveryGeneration = { kind: 'monthly', period: '2026-05', generatedAt: at('2026-06-01T00:00:01.234Z') };
const MAY_AGAIN: DeliveryGeneration = { ...MAY, generatedAt: at('2026-06-02T00:00:05.678Z') };
const FY: DeliveryGeneration = { kind: 'annual', period: 'FY2025', generatedAt: at('2026-03-31T00:00:00.000Z') };
const FILES = { format: 'xlsx+pdf', rows: 42, recipients: 2 };

/** The fields a test compares (times as ISO text). */
function view(rows: ChannelProgress[]) {
  return rows.map((r) => ({
    report: `${r.kind}/${r.period}@${r.generatedAt.toISOString()}`,
    channel: r.channel,
    attempts: r.attempts,
    manualAttempts: r.manualAttempts,
    sentAt: r.sentAt?.toISOString(),
    facts: r.facts,
    auditedAt: r.auditedAt?.toISOString(),
    lastError: r.lastError,
  }));
}

const row = (g: DeliveryGeneration, channel: 'email' | 'teams', attempts: number, more = {}) => ({
  report: `${g.kind}/${g.period}@${g.generatedAt.toISOString()}`,
  channel,
  attempts,
  manualAttempts: 0,
  sentAt: undefined,
  facts: undefined,
  auditedAt: undefined,
  lastError: undefined,
  ...more,
});

/** Registers the suite. */
export function deliveryProgressContract(name: string, factory: DeliveryProgressFactory): void {
  describe(`DeliveryProgress contract: ${name}`, () => {
    let store: DeliveryProgress;
    beforeEach(async () => {
      store = await factory();
    });

    it('adds a row per channel and counts an attempt on each unfinished one every time an attempt begins', async () => {
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'])), [row(MAY, 'email', 1), row(MAY, 'teams', 1)]);
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'])), [row(MAY, 'email', 2), row(MAY, 'teams', 2)]);
      assert.deepEqual(await store.unfinished(3), [{ kind: 'monthly', period: '2026-05' }]);
      assert.deepEqual(await store.unfinished(2), []);
    });

    it('marks a channel sent once and audited once; a finished channel is not begun again', async () => {
      await store.begin(MAY, ['email', 'teams']);
      assert.equal(await store.markSent(MAY, 'email', FILES, at('2026-06-01T00:01:00Z')), true);
      assert.equal(await store.markSent(MAY, 'email', { ...FILES, recipients: 9 }, at('2026-06-01T00:02:00Z')), false);
      await store.noteError(MAY, 'teams', 'teams refused');
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'])), [
        row(MAY, 'email', 2, { sentAt: '2026-06-01T00:01:00.000Z', facts: FILES }),
        row(MAY, 'teams', 2, { lastError: 'teams refused' }),
      ]);
      assert.equal(await store.markAudited(MAY, 'email', at('2026-06-01T00:03:00Z')), true);
      assert.equal(await store.markAudited(MAY, 'email', at('2026-06-01T00:04:00Z')), false);
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'])), [
        row(MAY, 'teams', 3, { lastError: 'teams refused' }),
      ]);
      await store.markSent(MAY, 'teams', { format: 'link', rows: 0, recipients: 1 }, at('2026-06-01T00:05:00Z'));
      assert.equal(await store.markAudited(MAY, 'teams', at('2026-06-01T00:05:00Z')), true);
      assert.deepEqual(await store.begin(MAY, ['email', 'teams']), []);
      assert.deepEqual(await store.unfinished(10), []);
    });

    it('drops never-sent rows of an earlier generation and of channels no longer sent, keeps sent ones to audit', async () => {
      await store.begin(MAY, ['email', 'teams']);
      await store.markSent(MAY, 'email', FILES, at('2026-06-01T00:01:00Z'));
      assert.deepEqual(view(await store.begin(MAY_AGAIN, ['email'])), [
        row(MAY, 'email', 2, { sentAt: '2026-06-01T00:01:00.000Z', facts: FILES }),
        row(MAY_AGAIN, 'email', 1),
      ]);
      assert.equal(await store.markAudited(MAY, 'email', at('2026-06-02T00:01:00Z')), true);
      assert.deepEqual(view(await store.begin(MAY_AGAIN, [])), []);
      assert.deepEqual(await store.unfinished(10), []);
    });

    it('lists each unfinished report once, oldest generation first, with attempts left', async () => {
      await store.begin(MAY, ['email', 'teams']);
      await store.begin(FY, ['teams']);
      assert.deepEqual(await store.unfinished(3), [
        { kind: 'annual', period: 'FY2025' },
        { kind: 'monthly', period: '2026-05' },
      ]);
      await store.begin(FY, ['teams']);
      await store.begin(FY, ['teams']);
      assert.deepEqual(await store.unfinished(3), [{ kind: 'monthly', period: '2026-05' }]);
    });

    it('lists every row of one report, sent or not, by generation and channel', async () => {
      await store.begin(MAY, ['email', 'teams']);
      await store.begin(FY, ['teams']);
      await store.markSent(MAY, 'email', FILES, at('2026-06-01T00:01:00Z'));
      await store.noteError(MAY, 'teams', 'teams refused');
      assert.deepEqual(view(await store.ofReport({ kind: 'monthly', period: '2026-05' })), [
        row(MAY, 'email', 1, { sentAt: '2026-06-01T00:01:00.000Z', facts: FILES }),
        row(MAY, 'teams', 1, { lastError: 'teams refused' }),
      ]);
      assert.deepEqual(await store.ofReport({ kind: 'monthly', period: '2026-04' }), []);
    });

    it('plans the channels of a generation without counting an attempt, once; the plan makes the report unfinished', async () => {
      await store.plan(MAY, ['email', 'teams']);
      await store.plan(MAY, ['email', 'teams']);
      assert.deepEqual(view(await store.ofReport(MAY)), [row(MAY, 'email', 0), row(MAY, 'teams', 0)]);
      assert.deepEqual(await store.unfinished(1), [{ kind: 'monthly', period: '2026-05' }]);
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'])), [row(MAY, 'email', 1), row(MAY, 'teams', 1)]);
      await store.markSent(MAY, 'email', FILES, at('2026-06-01T00:01:00Z'));
      await store.plan(MAY, ['email', 'teams']);
      assert.deepEqual(view(await store.ofReport(MAY)), [
        row(MAY, 'email', 1, { sentAt: '2026-06-01T00:01:00.000Z', facts: FILES }),
        row(MAY, 'teams', 1),
      ]);
    });

    it('counts a manual attempt apart: it leaves the scheduled attempts, and so the report’s rounds, alone', async () => {
      await store.begin(MAY, ['email', 'teams']);
      for (let i = 0; i < 3; i += 1) await store.begin(MAY, ['email', 'teams'], 'manual');
      assert.deepEqual(view(await store.begin(MAY, ['email', 'teams'], 'scheduled')), [
        row(MAY, 'email', 2, { manualAttempts: 3 }),
        row(MAY, 'teams', 2, { manualAttempts: 3 }),
      ]);
      assert.deepEqual(await store.unfinished(3), [{ kind: 'monthly', period: '2026-05' }]);
      assert.deepEqual(await store.unfinished(2), []);
      // A resend of a generation never begun adds its rows with no scheduled attempt.
      assert.deepEqual(view(await store.begin(FY, ['teams'], 'manual')), [row(FY, 'teams', 0, { manualAttempts: 1 })]);
      assert.deepEqual(await store.unfinished(1), [{ kind: 'annual', period: 'FY2025' }]);
    });

    it('prunes an earlier generation’s rows once sent and audited, never one still to send or audit', async () => {
      const done = async (g: DeliveryGeneration, channel: 'email' | 'teams', minute: number) => {
        await store.markSent(g, channel, FILES, at(`2026-06-02T00:${minute}:00Z`));
        await store.markAudited(g, channel, at(`2026-06-02T00:${minute}:30Z`));
      };
      await store.begin(MAY, ['email', 'teams']);
      await store.begin(FY, ['email']);
      await done(FY, 'email', 10);
      await done(MAY, 'email', 11);
      await store.markSent(MAY, 'teams', FILES, at('2026-06-02T00:12:00Z'));
      // Nothing older than the current generation: nothing pruned, the current rows stay.
      assert.equal(await store.prune(MAY), 0);
      assert.equal(await store.prune(FY), 0);
      // Generated again: the e-mail (sent, audited) goes, the Teams post (sent, not audited) stays to audit.
      assert.deepEqual(view(await store.begin(MAY_AGAIN, ['email'])), [
        row(MAY, 'teams', 2, { sentAt: '2026-06-02T00:12:00.000Z', facts: FILES }),
        row(MAY_AGAIN, 'email', 1),
      ]);
      await store.markAudited(MAY, 'teams', at('2026-06-02T00:13:00Z'));
      assert.equal(await store.prune(MAY_AGAIN), 1);
      assert.equal(await store.prune(MAY_AGAIN), 0);
      assert.deepEqual(view(await store.ofReport(MAY)), [row(MAY_AGAIN, 'email', 1)]);
      // Another report's rows are its own.
      assert.deepEqual(view(await store.ofReport(FY)), [
        row(FY, 'email', 1, {
          sentAt: '2026-06-02T00:10:00.000Z',
          facts: FILES,
          auditedAt: '2026-06-02T00:10:30.000Z',
        }),
      ]);
    });

    it('marks nothing of a generation it does not hold', async () => {
      await store.begin(MAY, ['email']);
      assert.equal(await store.markSent(MAY_AGAIN, 'email', FILES, at('2026-06-02T00:00:00Z')), false);
      assert.equal(await store.markAudited(MAY, 'teams', at('2026-06-02T00:00:00Z')), false);
    });
  });
}
