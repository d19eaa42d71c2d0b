/**
 * Two instances (two DataSources with their own connection pools) writing to one server database
 * at the same time: counters and versions must never be read, incremented in JavaScript and
 * written back.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { KotaeError } from '../../../core/errors';
import { createDataSource, openDatabase, SqlTicketStore } from '../../../db';
import { SqlFaqStore } from '../../../db/repositories/sql-faq-store';
import { SqlOperatorStore } from '../../../db/repositories/sql-operator-store';
import { newTicket } from '../../contracts/ticket-store.contract';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';
import { testAuditLog } from '../../helpers/audit';

const NOW = new Date('2026-06-01T01:00:00Z');
const now = () => NOW;

for (const kind of TEST_DB_KINDS.filter((k) => k !== 'sqlite')) {
  describe(`concurrent writes from two instances (${kind})`, () => {
    const t = useTestDb(kind);
    let a: DataSource;
    let b: DataSource;
    before(async () => {
      a = t.db.ds;
      b = createDataSource(t.db.config);
      await openDatabase(b);
    });
    after(async () => {
      await b.destroy();
    });
    beforeEach(() => t.db.reset());

    it('200 concurrent ticket creations get 200 distinct, gapless numbers and no error', async function () {
      this.timeout(60_000);
      const stores = [new SqlTicketStore(a, now), new SqlTicketStore(b, now)];
      const results = await Promise.allSettled(
        Array.from({ length: 200 }, (_, i) => stores[i % 2].create(newTicket({ title: `問合せ ${i}` }), 'bot')),
      );
      const errors = results.filter((r) => r.status === 'rejected');
      assert.deepEqual(errors, []);
      const numbers = results.map((r) => (r.status === 'fulfilled' ? r.value.number : ''));
      assert.equal(new Set(numbers).size, 200);
      const expected = Array.from({ length: 200 }, (_, i) => `HD-2026-${String(i + 1).padStart(6, '0')}`);
      assert.deepEqual([...numbers].sort(), expected);
      assert.equal((await stores[0].list({ limit: 1000 })).total, 200);
    });

    it('the same activity escalated on both instances at once makes one ticket', async () => {
      const stores = [new SqlTicketStore(a, now), new SqlTicketStore(b, now)];
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => stores[i % 2].create(newTicket({ sourceActivityId: 'act-1' }), 'bot')),
      );
      assert.equal(new Set(results.map((r) => r.id)).size, 1);
      assert.equal((await stores[0].list({})).total, 1);
    });

    it('of two saves of one FAQ version on two instances exactly one wins', async () => {
      const fa = new SqlFaqStore(a, now);
      const fb = new SqlFaqStore(b, now);
      const faq = await fa.create({
        category: 'メール',
        question: 'メールが送れない',
        alternateQuestions: [],
        answer: '再起動してください。',
        status: 'draft',
        createdBy: 'op',
      });
      const input = (answer: string) => ({
        category: 'メール',
        question: 'メールが送れない',
        alternateQuestions: [],
        answer,
      });
      const results = await Promise.allSettled([fa.update(faq.id, 1, input('A')), fb.update(faq.id, 1, input('B'))]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 1);
      assert.ok(lost[0].status === 'rejected' && lost[0].reason instanceof KotaeError);
      assert.equal((lost[0] as PromiseRejectedResult).reason.code, 'CONFLICT');
      const stored = await fa.get(faq.id);
      assert.equal(stored?.version, 2);
      assert.equal(stored?.answer, won[0].status === 'fulfilled' ? won[0].value.answer : '');
    });

    it('counts every failed sign-in of 20 concurrent ones on two instances', async () => {
      const oa = new SqlOperatorStore(a, now);
      const ob = new SqlOperatorStore(b, now);
      const op = await oa.create({
        username: 'sato',
        displayName: '佐藤',
        role: 'operator',
        passwordHash: 'x',
        disabled: false,
      });
      const until = new Date(NOW.getTime() + 15 * 60_000);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => (i % 2 ? oa : ob).recordFailedAttempt(op.id, 100, until)),
      );
      assert.deepEqual(
        results.map((r) => r.failures).sort((x, y) => x - y),
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      assert.equal((await oa.get(op.id))?.failedAttempts, 20);
      const locking = await Promise.all([
        oa.recordFailedAttempt(op.id, 21, until),
        ob.recordFailedAttempt(op.id, 21, until),
      ]);
      assert.deepEqual(locking.map((r) => r.locked).sort(), [false, true]);
    });

    it('keeps one unbroken audit chain with appends from both instances', async () => {
      const la = testAuditLog(a, now);
      const lb = testAuditLog(b, now);
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          (i % 2 ? la : lb).record({ actor: 'op', action: 'ticket.update', detail: { i } }),
        ),
      );
      const verdict = await la.verify();
      assert.equal(verdict.ok, true);
      assert.equal(verdict.count, 40);
    });
  });
}
