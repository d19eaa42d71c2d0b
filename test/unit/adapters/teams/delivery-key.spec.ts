/**
 * Teams activities are remembered per conversation and id: the key itself, and two instances on one
 * database (the shared processed-activity table) — the same id in two chats is answered in each, one
 * activity redelivered to the other instance is answered once, a welcome redelivered there is sent once.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { deliveryKey } from '../../../../adapters/teams/delivery-key';
import { FakeClock } from '../../../../core/clock';
import { createDataSource } from '../../../../db';
import { SqlProcessedDeliveries } from '../../../../db/repositories/sql-processed-deliveries';
import { describeEachDb } from '../../../helpers/databases';
import { personalEnvelope, type Payload } from '../../../fakes/teams-activities';
import { startTeamsHarness, type TeamsHarness } from '../../../fakes/teams-harness';

const OTHER_CHAT = {
  from: {
    id: '29:1kotaeOtherUserTanakaHanako',
    name: '田中 花子',
    aadObjectId: 'aaaaaaaa-0000-4000-8000-000000000002',
  },
  conversation: { conversationType: 'personal', id: 'a:1kotaeOtherPersonalChatTanaka' },
};

describe('Teams delivery key', () => {
  it('names the conversation and the activity id', () => {
    assert.equal(deliveryKey({ id: '1714000099999', conversation: { id: 'a:1chat' } }), 'teams:a:1chat|1714000099999');
    assert.equal(deliveryKey({ id: undefined, conversation: { id: 'a:1chat' } }), undefined);
  });

  it('keeps the activity id whole when the conversation id is too long for the shared table', () => {
    const long = (tail: string) => ({ id: '1714000099999', conversation: { id: `19:${'x'.repeat(300)}${tail}` } });
    const [one, two] = [deliveryKey(long('a')), deliveryKey(long('b'))];
    assert.ok(one && two);
    assert.ok(one.length <= 200, String(one.length));
    assert.match(one, /^teams:#[0-9a-f]{32}\|1714000099999$/);
    assert.notEqual(one, two);
  });
});

describeEachDb('Teams redelivery across instances, per conversation', (each) => {
  let second: DataSource;
  let a: TeamsHarness;
  let b: TeamsHarness;
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(async () => {
    await each.db.reset();
    const clock = new FakeClock('2026-07-01T00:00:00.000Z');
    a = await startTeamsHarness({ processed: new SqlProcessedDeliveries(each.db.ds, () => clock.now()) });
    b = await startTeamsHarness({ processed: new SqlProcessedDeliveries(second, () => clock.now()) });
  });
  afterEach(async () => {
    await a.close();
    await b.close();
  });

  it('answers one id in two chats on two instances once each, and their redeliveries to the other instance not at all', async () => {
    const mine = (h: TeamsHarness) =>
      personalEnvelope(h.serviceUrl, { id: '1714000099999', text: 'VPNにつながりません' });
    const theirs = (h: TeamsHarness) => ({ ...mine(h), text: 'プリンタで印刷できません', ...OTHER_CHAT });
    const first = [await a.post(mine(a)), await b.post(theirs(b))];
    const again = [await b.post(mine(b)), await a.post(theirs(a))];
    assert.deepEqual(
      [...first, ...again].map((r) => r.status),
      [200, 200, 200, 200],
    );
    assert.deepEqual(
      [a.helpdesk.asks.map((q) => q.text), b.helpdesk.asks.map((q) => q.text)],
      [['VPNにつながりません'], ['プリンタで印刷できません']],
    );
    assert.deepEqual(
      [a.connector.sent().map((c) => c.conversationId), b.connector.sent().map((c) => c.conversationId)],
      [[(mine(a).conversation as { id: string }).id], [OTHER_CHAT.conversation.id]],
    );
  });

  it('sends one welcome when the conversationUpdate is redelivered to the other instance', async () => {
    const added = (h: TeamsHarness): Payload => {
      const text = readFileSync(
        join(
          __dirname,
          '..',
          '..',
          '..',
          'fixtures',
          'teams-extra',
          'conversationUpdate-membersAdded-bot-personal.json',
        ),
        'utf8',
      ).replaceAll('https://smba.trafficmanager.net/jp/', h.serviceUrl);
      const payload = JSON.parse(text) as Payload;
      delete payload._source;
      return payload;
    };
    const [ra, rb] = await Promise.all([a.post(added(a)), b.post(added(b))]);
    assert.deepEqual([ra.status, rb.status], [200, 200]);
    assert.equal(a.connector.sent().length + b.connector.sent().length, 1);
    const late = await b.post(added(b));
    assert.equal(late.status, 200);
    assert.equal(a.connector.sent().length + b.connector.sent().length, 1);
  });
});
