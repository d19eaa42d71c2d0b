/**
 * Redelivery dedupe in the database: two instances (two DataSources on one database) claim the same
 * Teams activity id; exactly one gets it. A failed delivery is forgotten; the retention purges ids
 * after a day.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { InMemoryProcessedDeliveries, type ProcessedDeliveries } from '../../../bot';
import { FakeClock } from '../../../core/clock';
import { createDataSource } from '../../../db';
import { SqlProcessedDeliveries } from '../../../db/repositories/sql-processed-deliveries';
import { describeEachDb } from '../../helpers/databases';
import { actionExecuteInvoke, personalEnvelope } from '../../fakes/teams-activities';
import { cardOf } from '../../fakes/teams-connector';
import { startTeamsHarness } from '../../fakes/teams-harness';

const T0 = '2026-07-01T00:00:00.000Z';

function contract(make: (clock: FakeClock) => ProcessedDeliveries): void {
  it('claims an id once, again after it is forgotten', async () => {
    const store = make(new FakeClock(T0));
    assert.equal(await store.claim('f:1234'), true);
    assert.equal(await store.claim('f:1234'), false);
    assert.equal(await store.claim('f:5678'), true);
    await store.forget('f:1234');
    assert.equal(await store.claim('f:1234'), true);
  });

  it('keeps the result of a claimed id for a redelivery, and forgets it with the id', async () => {
    const store = make(new FakeClock(T0));
    assert.equal(await store.resultOf('inv-1'), undefined);
    assert.equal(await store.claim('inv-1'), true);
    assert.equal(await store.resultOf('inv-1'), undefined, 'claimed, still running');
    await store.saveResult('inv-1', '{"statusCode":200}');
    assert.equal(await store.resultOf('inv-1'), '{"statusCode":200}');
    await store.forget('inv-1');
    assert.equal(await store.resultOf('inv-1'), undefined);
  });

  it('purges ids recorded before a time', async () => {
    const clock = new FakeClock(T0);
    const store = make(clock);
    await store.claim('old');
    clock.advanceMinutes(24 * 60);
    await store.claim('new');
    assert.equal(await store.purgeBefore(new Date(new Date(T0).getTime() + 60_000)), 1);
    assert.equal(await store.claim('old'), true);
    assert.equal(await store.claim('new'), false);
  });
}

describe('InMemoryProcessedDeliveries', () => {
  contract((clock) => new InMemoryProcessedDeliveries(() => clock.now()));
});

describeEachDb('SqlProcessedDeliveries', (each) => {
  let second: DataSource;
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(() => each.db.reset());

  contract((clock) => new SqlProcessedDeliveries(each.db.ds, () => clock.now()));

  it('answers a redelivery reaching the other instance once', async () => {
    const clock = new FakeClock(T0);
    const one = new SqlProcessedDeliveries(each.db.ds, () => clock.now());
    const two = new SqlProcessedDeliveries(second, () => clock.now());
    for (let i = 0; i < 10; i += 1) {
      const id = `1:activity-${i}`;
      const results = await Promise.all([one.claim(id), two.claim(id), one.claim(id), two.claim(id)]);
      assert.equal(results.filter(Boolean).length, 1, `${id}: ${results.join(',')}`);
    }
  });

  it('answers a Teams message redelivered to the other instance once', async () => {
    const clock = new FakeClock(T0);
    const a = await startTeamsHarness({ processed: new SqlProcessedDeliveries(each.db.ds, () => clock.now()) });
    const b = await startTeamsHarness({ processed: new SqlProcessedDeliveries(second, () => clock.now()) });
    try {
      const first = await a.post(personalEnvelope(a.serviceUrl, { id: 'dup-9', text: 'パスワードを忘れました' }));
      const again = await b.post(personalEnvelope(b.serviceUrl, { id: 'dup-9', text: 'パスワードを忘れました' }));
      assert.deepEqual([first.status, again.status], [200, 200]);
      assert.deepEqual([a.helpdesk.asks.length, b.helpdesk.asks.length], [1, 0]);
      assert.deepEqual([a.connector.sent().length, b.connector.sent().length], [1, 0]);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('handles a card-action invoke reaching both instances once; both answer the same response', async () => {
    const clock = new FakeClock(T0);
    const a = await startTeamsHarness({ processed: new SqlProcessedDeliveries(each.db.ds, () => clock.now()) });
    const b = await startTeamsHarness({ processed: new SqlProcessedDeliveries(second, () => clock.now()) });
    try {
      await a.post(personalEnvelope(a.serviceUrl, { id: 'q-1', text: 'VPNにつながりません' }));
      await b.post(personalEnvelope(b.serviceUrl, { id: 'q-2', text: 'VPNにつながりません' }));
      type Action = { title: string; verb: string; data: Record<string, string> };
      const escalate = cardOf(a.connector.sent()[0]).actions?.find((x: Action) => x.title === '担当者に問い合わせる');
      assert.ok(escalate);
      const form = (await a.post(actionExecuteInvoke(a.serviceUrl, 'inv-form', escalate))).body as {
        value: { actions: Action[] };
      };
      const submit = form.value.actions[0];
      const data = { ...submit.data, category: 'その他', urgency: 'normal', details: '朝からVPNに接続できません' };
      // Concurrently (Teams retried on the other instance before the first answered)…
      const [ra, rb] = await Promise.all([
        a.post(actionExecuteInvoke(a.serviceUrl, 'inv-7', { verb: submit.verb, data })),
        b.post(actionExecuteInvoke(b.serviceUrl, 'inv-7', { verb: submit.verb, data })),
      ]);
      assert.deepEqual([ra.status, rb.status], [200, 200]);
      assert.deepEqual(ra.body, rb.body);
      assert.equal(a.helpdesk.escalations.length + b.helpdesk.escalations.length, 1);
      assert.match(JSON.stringify(ra.body), /受付番号は HD-2026-000001 です/);
      // …and later (a redelivery after a timeout): the stored response, nothing run again.
      const late = await b.post(actionExecuteInvoke(b.serviceUrl, 'inv-7', { verb: submit.verb, data }));
      assert.deepEqual(late.body, ra.body);
      assert.equal(a.helpdesk.escalations.length + b.helpdesk.escalations.length, 1);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
