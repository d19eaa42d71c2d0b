/**
 * Undeletes in Teams of a requester's message, through the real Teams endpoint and the loopback Bot Connector on
 * the real core (SQLite stores, the notifying ticket store, the shared processed-activity table, two instances):
 * a message a delete withdrew is back on the ticket (one history line, one operator notification, no reply); the
 * undelete of a message kept after an operator's reply adds a history line only; an edit delivered after the
 * delete is held with the withdrawn message and restored with it; an undelete of anything else changes nothing;
 * a redelivery to either instance writes once, while the same change made again later (a second delete after
 * the undelete, stamped later) is handled.
 */
import assert from 'node:assert/strict';
import { createTeamsEndpoint } from '../../../../adapters/teams';
import { HelpdeskService } from '../../../../bot';
import { BusinessCalendar } from '../../../../calendar';
import { FakeClock } from '../../../../core/clock';
import { MemoryLogger } from '../../../../core/logger';
import { SqlConversationStore, SqlProcessedDeliveries, SqlTicketStore } from '../../../../db';
import { NotifyingTicketStore, type DeskEvent } from '../../../../notify';
import { RequesterDesk, TicketMessageChanges, type TicketRecord } from '../../../../tickets';
import { FakeKnowledge, faqChunk } from '../../../fakes/fake-knowledge';
import { actionExecuteInvoke, personalEnvelope, type Payload } from '../../../fakes/teams-activities';
import { cardOf, FakeBotConnector } from '../../../fakes/teams-connector';
import { tempSqlite } from '../../../helpers/sqlite';
import { serveTeamsInWebApp } from '../../../helpers/teams-web-app';

const MARK = '（Teamsでメッセージが編集されました）';
const RESTORED = '（依頼者が削除したメッセージを元に戻しました）';
const TENANT = { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } };
const OTHER_MEMBER = {
  id: '29:1kotaeOtherUserTanakaHanako',
  name: '田中 花子',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-0002',
};

describe('Teams: a requester restores (undeletes) a deleted message (real core, loopback Bot Connector)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let clock: FakeClock;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let tickets: NotifyingTicketStore;
  let events: DeskEvent[];
  let logger: MemoryLogger;
  let instances: { url: string; close: () => Promise<void> }[];

  beforeEach(async () => {
    db = await tempSqlite();
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    const now = () => clock.now();
    const conversations = new SqlConversationStore(db.ds, now);
    events = [];
    const link = (n: string) => `https://kotae.example.lg.jp/console/tickets/${n}`;
    tickets = new NotifyingTicketStore(new SqlTicketStore(db.ds, now), async (e) => events.push(e), link);
    const calendar = new BusinessCalendar();
    const desk = new RequesterDesk({ store: tickets, conversations, calendar, clock, reopenBusinessDays: 5 });
    const knowledge = new FakeKnowledge([
      { match: 'パスワード', confidence: 0.9, chunk: faqChunk('FAQ-1', 'パスワードを忘れた', '再設定できます。') },
    ]);
    const helpdesk = new HelpdeskService(
      { conversations, tickets, knowledge, clock, desk },
      { maxQuestionChars: 500, deskHours: '平日 8:30〜17:15', isDeskOpen: () => true },
    );
    logger = new MemoryLogger();
    connector = new FakeBotConnector();
    serviceUrl = await connector.start();
    const messageChanges = new TicketMessageChanges({ store: tickets, clock, maxChars: 500 });
    instances = [];
    for (let i = 0; i < 2; i += 1) {
      const processed = new SqlProcessedDeliveries(db.ds, now);
      const teams = createTeamsEndpoint({
        helpdesk,
        conversations,
        logger,
        deskHours: '平日',
        processed,
        messageChanges,
      });
      instances.push(await serveTeamsInWebApp({ helpdesk, conversations, logger }, teams));
    }
  });
  afterEach(async () => {
    for (const instance of instances) await instance.close();
    await connector.stop();
    await db.close();
  });

  /** Posts to instance `at`; returns the status, the body and how many messages the bot sent meanwhile. */
  async function post(body: unknown, at = 0): Promise<{ status: number; body: string; sent: number }> {
    const before = connector.sent().length;
    const res = await fetch(instances[at]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    clock.advanceMinutes(1);
    return { status: res.status, body: await res.text(), sent: connector.sent().length - before };
  }

  /** Teams stamps every activity with the time of the change; a redelivery carries the same stamp. */
  const stamp = (minute: number) => `2026-11-20T02:${String(minute).padStart(2, '0')}:00.000Z`;
  const message = (id: string, text: string, extra: Payload = {}) =>
    personalEnvelope(serviceUrl, { id, text, ...extra });
  const edit = (id: string, text: string, minute: number) =>
    message(id, text, {
      type: 'messageUpdate',
      timestamp: stamp(minute),
      channelData: { eventType: 'editMessage', ...TENANT },
    });
  /** A delete or an undelete as Teams documents them: the message's id, no text. */
  const change = (type: 'messageDelete' | 'messageUpdate', id: string, minute: number, extra: Payload = {}) => {
    const eventType = type === 'messageDelete' ? 'softDeleteMessage' : 'undeleteMessage';
    const payload = personalEnvelope(serviceUrl, {
      id,
      type,
      timestamp: stamp(minute),
      channelData: { eventType, ...TENANT },
      ...extra,
    });
    delete payload.text;
    delete payload.attachments;
    return payload;
  };
  const del = (id: string, minute: number, extra: Payload = {}) => change('messageDelete', id, minute, extra);
  const undelete = (id: string, minute: number, extra: Payload = {}) => change('messageUpdate', id, minute, extra);

  /** A ticket escalated from this chat and the requester's message `id` added to it. */
  async function messageOnTicket(id: string, text: string): Promise<TicketRecord> {
    await post(message('q-1', 'パスワードを忘れました'));
    const escalate = cardOf(connector.sent().at(-1)!).actions?.find((a) => a.title === '担当者に問い合わせる');
    assert.ok(escalate);
    const form = await fetch(instances[0]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(actionExecuteInvoke(serviceUrl, 'f-1', escalate)),
    }).then((r) => r.json() as Promise<{ value: { actions: { verb: string; data: Record<string, string> }[] } }>);
    const submit = form.value.actions[0]!;
    await post(actionExecuteInvoke(serviceUrl, 's-1', { ...submit, data: { ...submit.data, details: '急ぎです' } }));
    const [ticket] = (await tickets.list({})).items;
    assert.equal((await post(message(id, text))).sent, 1);
    return ticket!;
  }

  const commentsOf = async (t: TicketRecord) => (await tickets.comments(t.id)).map((c) => [c.kind, c.body]);
  const notes = async (t: TicketRecord) =>
    (await tickets.history(t.id)).filter((e) => e.field === 'requesterWithdrawn').map((e) => [e.before, e.after]);
  const replied = () => events.filter((e) => e.event === 'requester_replied');
  const quiet = (res: { status: number; body: string; sent: number }) => [res.status, res.body, res.sent];

  it('restores a withdrawn message once: back on the ticket, one history line, one notification, no reply', async () => {
    const ticket = await messageOnTicket('1714000000701', 'プリンタも使えません');
    assert.deepEqual(quiet(await post(del('1714000000701', 10))), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [['deleted', 'プリンタも使えません']]);
    assert.equal((await tickets.get(ticket.id))?.requesterRepliedAt, undefined);

    const restoredAt = clock.now();
    assert.deepEqual(quiet(await post(undelete('1714000000701', 11))), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [['requester', 'プリンタも使えません']]);
    assert.equal((await tickets.get(ticket.id))?.requesterRepliedAt?.toISOString(), restoredAt.toISOString());
    assert.deepEqual(await notes(ticket), [
      ['プリンタも使えません', 'teams_deleted'],
      ['プリンタも使えません', 'teams_undeleted'],
    ]);
    assert.equal(replied().length, 2);
    assert.equal(replied()[1]!.body.split('\n\n')[1], `${RESTORED}\nプリンタも使えません`);

    // Redelivered to either instance, the undelete and the earlier delete write nothing.
    for (const payload of [undelete('1714000000701', 11), del('1714000000701', 10)])
      for (const at of [0, 1]) assert.deepEqual(quiet(await post(payload, at)), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [['requester', 'プリンタも使えません']]);
    assert.equal((await notes(ticket)).length, 2);
    assert.equal(replied().length, 2);

    // Deleted again later (a new stamp): withdrawn again, without a notification.
    assert.deepEqual(quiet(await post(del('1714000000701', 12), 1)), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [['deleted', 'プリンタも使えません']]);
    assert.deepEqual((await notes(ticket)).at(-1), ['プリンタも使えません', 'teams_deleted']);
    assert.equal(replied().length, 2);
    assert.deepEqual(
      logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });

  it('notes the undelete of a message kept after an operator reply in the history only', async () => {
    const ticket = await messageOnTicket('1714000000702', 'エラー番号は0x80070005です');
    await tickets.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '権限を確認します' });
    clock.advanceMinutes(1);
    assert.deepEqual(quiet(await post(del('1714000000702', 10))), [200, '', 0]);
    const kept = (await tickets.get(ticket.id))!;
    for (const at of [0, 1, 0]) assert.deepEqual(quiet(await post(undelete('1714000000702', 11), at)), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [
      ['requester', 'エラー番号は0x80070005です'],
      ['reply', '権限を確認します'],
    ]);
    assert.deepEqual(await notes(ticket), [
      ['エラー番号は0x80070005です', 'teams_deleted_kept'],
      ['エラー番号は0x80070005です', 'teams_undeleted_kept'],
    ]);
    assert.equal((await tickets.get(ticket.id))?.version, kept.version);
    assert.equal(replied().length, 1);
  });

  it('holds an edit delivered after the delete with the withdrawn message; the undelete restores both', async () => {
    const ticket = await messageOnTicket('1714000000703', 'VPNが切れます');
    await post(del('1714000000703', 10));
    // Made before the delete, delivered after it: nothing said or notified, the ticket untouched.
    const flags = (await tickets.get(ticket.id))!;
    assert.deepEqual(quiet(await post(edit('1714000000703', 'VPNが10分ごとに切れます', 9))), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [
      ['deleted', 'VPNが切れます'],
      ['deleted', `${MARK}\nVPNが10分ごとに切れます`],
    ]);
    assert.deepEqual(await tickets.get(ticket.id), flags);
    assert.equal(replied().length, 1);

    assert.deepEqual(quiet(await post(undelete('1714000000703', 11), 1)), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [
      ['requester', 'VPNが切れます'],
      ['requester', `${MARK}\nVPNが10分ごとに切れます`],
    ]);
    assert.deepEqual((await notes(ticket)).at(-1), ['VPNが切れます', 'teams_undeleted']);
    assert.equal(replied().length, 2);
    assert.equal(replied()[1]!.body.split('\n\n')[1], `${RESTORED}\n${MARK}\nVPNが10分ごとに切れます`);
  });

  it("changes nothing for an undelete of a message never deleted, the bot's answered question, or another member's", async () => {
    const ticket = await messageOnTicket('1714000000704', '共有フォルダにも入れません');
    await post(del('1714000000704', 10, { from: OTHER_MEMBER }));
    const before = await commentsOf(ticket);
    const history = (await tickets.history(ticket.id)).length;
    for (const payload of [
      undelete('1714000000704', 11), // never deleted (the other member's delete found nothing)
      undelete('q-1', 12), // the question the bot answered
      undelete('1714000000799', 13), // a message Kotae never got
      undelete('1714000000704', 14, { from: OTHER_MEMBER }),
    ])
      assert.deepEqual(quiet(await post(payload)), [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), before);
    assert.deepEqual(before, [['requester', '共有フォルダにも入れません']]);
    assert.equal((await tickets.history(ticket.id)).length, history);
    assert.equal(replied().length, 1);
  });
});
