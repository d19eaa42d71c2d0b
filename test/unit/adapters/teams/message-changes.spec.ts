/**
 * Edits and deletes in Teams of a requester's message, through the loopback Bot Connector on the real core
 * (SQLite stores, the notifying ticket store, the shared processed-activity table): a message that went to the
 * open ticket gets its edit as a correction (one operator notification, no reply) or is withdrawn by a delete
 * (kept with a history line once an operator replied); a redelivery, to this instance or another one, writes
 * nothing; the bot's answered questions, other members' and other chats' messages and hostile payloads change
 * nothing and never answer 500. Undeletes: message-undelete.spec.ts.
 */
import assert from 'node:assert/strict';
import { createTeamsEndpoint, type TeamsEndpoint } from '../../../../adapters/teams';
import { changeKey, messageEventOf } from '../../../../adapters/teams/message-changes';
import { HelpdeskService } from '../../../../bot';
import { BusinessCalendar } from '../../../../calendar';
import { FakeClock } from '../../../../core/clock';
import { MemoryLogger } from '../../../../core/logger';
import { SqlConversationStore, SqlProcessedDeliveries, SqlTicketStore } from '../../../../db';
import { NotifyingTicketStore, type DeskEvent } from '../../../../notify';
import { RequesterDesk, TicketMessageChanges, type TicketRecord } from '../../../../tickets';
import { Activity } from '@microsoft/agents-activity';
import { FakeKnowledge, faqChunk } from '../../../fakes/fake-knowledge';
import { actionExecuteInvoke, personalEnvelope, type Payload } from '../../../fakes/teams-activities';
import { cardOf, FakeBotConnector } from '../../../fakes/teams-connector';
import { tempSqlite } from '../../../helpers/sqlite';
import { serveTeamsInWebApp } from '../../../helpers/teams-web-app';

const MARK = '（Teamsでメッセージが編集されました）';
const TENANT = { tenant: { id: '72f988bf-86f1-41af-91ab-2d7cd011db47' } };
/** Another member of the same personal-chat id (an edit claiming someone else's message). */
const OTHER_MEMBER = {
  id: '29:1kotaeOtherUserTanakaHanako',
  name: '田中 花子',
  aadObjectId: 'aaaaaaaa-0000-4000-8000-0002',
};

describe('Teams: a requester edits or deletes a message (real core, loopback Bot Connector)', () => {
  let db: Awaited<ReturnType<typeof tempSqlite>>;
  let clock: FakeClock;
  let connector: FakeBotConnector;
  let serviceUrl: string;
  let tickets: NotifyingTicketStore;
  let events: DeskEvent[];
  let logger: MemoryLogger;
  let instances: { url: string; close: () => Promise<void> }[];
  let seq = 0;

  beforeEach(async () => {
    db = await tempSqlite();
    clock = new FakeClock('2026-11-20T01:00:00Z'); // Friday 10:00 JST
    const now = () => clock.now();
    const calendar = new BusinessCalendar();
    const conversations = new SqlConversationStore(db.ds, now);
    events = [];
    tickets = new NotifyingTicketStore(
      new SqlTicketStore(db.ds, now),
      async (e) => events.push(e),
      (n) => `https://kotae.example.lg.jp/console/tickets/${n}`,
    );
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
    // Two instances on one database: a redelivery may reach either.
    instances = [];
    for (let i = 0; i < 2; i += 1) {
      const teams: TeamsEndpoint = createTeamsEndpoint({
        helpdesk,
        conversations,
        logger,
        deskHours: '平日 8:30〜17:15',
        processed: new SqlProcessedDeliveries(db.ds, now),
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

  /** Posts to instance `at`; returns the status and the messages the bot sent meanwhile. */
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

  const message = (id: string, text: string, extra: Payload = {}) =>
    personalEnvelope(serviceUrl, { id, text, ...extra });
  const edit = (id: string, text: string, extra: Payload = {}) =>
    message(id, text, { type: 'messageUpdate', channelData: { eventType: 'editMessage', ...TENANT }, ...extra });
  const del = (id: string, extra: Payload = {}) => {
    const payload = personalEnvelope(serviceUrl, {
      id,
      type: 'messageDelete',
      channelData: { eventType: 'softDeleteMessage', ...TENANT },
      ...extra,
    });
    delete payload.text;
    delete payload.attachments;
    return payload;
  };

  /** A ticket escalated from this chat and the requester's message `id` added to it. */
  async function messageOnTicket(id: string, text: string): Promise<TicketRecord> {
    seq += 1;
    await post(message(`q-${seq}`, 'パスワードを忘れました'));
    const escalate = cardOf(connector.sent().at(-1)!).actions?.find((a) => a.title === '担当者に問い合わせる');
    assert.ok(escalate);
    const form = await fetch(instances[0]!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(actionExecuteInvoke(serviceUrl, `f-${seq}`, escalate)),
    }).then((r) => r.json() as Promise<{ value: { actions: { verb: string; data: Record<string, string> }[] } }>);
    const submit = form.value.actions[0]!;
    await post(
      actionExecuteInvoke(serviceUrl, `s-${seq}`, { ...submit, data: { ...submit.data, details: '急ぎです' } }),
    );
    const [ticket] = (await tickets.list({})).items;
    const added = await post(message(id, text));
    assert.match(
      cardOf(connector.sent().at(-1)!).body[0]?.text ?? '',
      new RegExp(`^お問い合わせ ${ticket!.number} に追記`),
    );
    assert.equal(added.sent, 1);
    return ticket!;
  }

  const commentsOf = async (t: TicketRecord) => (await tickets.comments(t.id)).map((c) => [c.kind, c.body]);
  const replied = () => events.filter((e) => e.event === 'requester_replied');

  it('adds an edit as the correction: masked, one notification, no reply; a redelivery to either instance writes nothing', async () => {
    const ticket = await messageOnTicket('1714000000601', '再設定のメールが届きません');
    assert.equal(replied().length, 1);
    const edited = edit('1714000000601', '再設定のメールが届きません（迷惑メールも確認済み、連絡先 090-1234-5678）');
    const first = await post(edited);
    assert.deepEqual([first.status, first.body, first.sent], [200, '', 0]);
    const correction = `${MARK}\n再設定のメールが届きません（迷惑メールも確認済み、連絡先 ［電話番号］）`;
    assert.deepEqual(await commentsOf(ticket), [
      ['requester', '再設定のメールが届きません'],
      ['requester', correction],
    ]);
    assert.equal(replied().length, 2);
    assert.equal(replied()[1]!.body.split('\n\n')[1], correction);
    for (const at of [0, 1]) {
      const again = await post(edited, at);
      assert.deepEqual([again.status, again.sent], [200, 0]);
    }
    assert.equal((await tickets.comments(ticket.id)).length, 2);
    assert.equal(replied().length, 2);
    // A second edit with other text is another change.
    await post(edit('1714000000601', '再設定のメールが届きました'), 1);
    assert.deepEqual((await commentsOf(ticket)).at(-1), ['requester', `${MARK}\n再設定のメールが届きました`]);
    assert.equal(replied().length, 3);
  });

  it('withdraws a deleted message no operator answered; a redelivery changes nothing', async () => {
    const ticket = await messageOnTicket('1714000000602', 'プリンタも使えません');
    const flagged = await tickets.get(ticket.id);
    assert.ok(flagged?.requesterRepliedAt);
    const deleted = await post(del('1714000000602'));
    assert.deepEqual([deleted.status, deleted.body, deleted.sent], [200, '', 0]);
    assert.deepEqual(await commentsOf(ticket), [['deleted', 'プリンタも使えません']]);
    const history = (await tickets.history(ticket.id)).filter((e) => e.at.getTime() > flagged!.updatedAt.getTime());
    assert.deepEqual(
      history.map((e) => [e.actor, e.field, e.before, e.after]),
      [
        ['requester', 'requesterRepliedAt', flagged!.requesterRepliedAt!.toISOString(), undefined],
        ['requester', 'requesterWithdrawn', 'プリンタも使えません', 'teams_deleted'],
      ],
    );
    assert.equal((await tickets.get(ticket.id))?.requesterRepliedAt, undefined);
    for (const at of [0, 1]) assert.deepEqual((await post(del('1714000000602'), at)).sent, 0);
    assert.deepEqual(await commentsOf(ticket), [['deleted', 'プリンタも使えません']]);
    assert.equal((await tickets.history(ticket.id)).filter((e) => e.field === 'requesterWithdrawn').length, 1);
    assert.equal(replied().length, 1);
  });

  it('keeps a deleted message an operator replied to and notes the delete once in the history', async () => {
    const ticket = await messageOnTicket('1714000000603', 'エラー番号は0x80070005です');
    await tickets.addComment(ticket.id, { kind: 'reply', author: 'op1', body: '権限を確認します' });
    clock.advanceMinutes(1);
    for (const at of [0, 1, 0]) assert.equal((await post(del('1714000000603'), at)).status, 200);
    assert.deepEqual(await commentsOf(ticket), [
      ['requester', 'エラー番号は0x80070005です'],
      ['reply', '権限を確認します'],
    ]);
    assert.deepEqual(
      (await tickets.history(ticket.id))
        .filter((e) => e.field === 'requesterWithdrawn')
        .map((e) => [e.before, e.after]),
      [['エラー番号は0x80070005です', 'teams_deleted_kept']],
    );
  });

  it("changes nothing for the bot's answered question, another member's edit or another chat's", async () => {
    const ticket = await messageOnTicket('1714000000604', '共有フォルダにも入れません');
    const before = await commentsOf(ticket);
    const history = (await tickets.history(ticket.id)).length;
    const otherChat = { conversation: { conversationType: 'personal', id: 'a:1kotaeOtherPersonalChat' } };
    for (const payload of [
      edit('q-1', 'パスワードを忘れてしまいました'), // the question the bot answered
      del('q-1'),
      edit('1714000000604', '別の人の編集', { from: OTHER_MEMBER }),
      del('1714000000604', { from: OTHER_MEMBER }),
      edit('1714000000604', '別のチャットの編集', otherChat),
      del('1714000000604', otherChat),
    ]) {
      const res = await post(payload);
      assert.deepEqual([res.status, res.body, res.sent], [200, '', 0], JSON.stringify(payload.channelData));
    }
    assert.deepEqual(await commentsOf(ticket), before);
    assert.equal((await tickets.history(ticket.id)).length, history);
    assert.equal(replied().length, 1);
  });

  it('answers hostile payloads below 500; an overlong edit gets a notice and writes nothing', async () => {
    const ticket = await messageOnTicket('1714000000605', 'VPNが切れます');
    const hostile: [string, Payload, number][] = [
      ['no id', { ...edit('x', '編集'), id: undefined }, 200],
      ['channelData a string', { ...edit('1714000000605', '編集'), channelData: 'editMessage' }, 200],
      ['eventType a number', { ...edit('1714000000605', '編集'), channelData: { eventType: 7 } }, 200],
      ['no channelData', { ...edit('1714000000605', '編集'), channelData: undefined }, 200],
      ['unknown eventType', del('1714000000605', { channelData: { eventType: 'hardDeleteMessage' } }), 200],
      ['no from', { ...del('1714000000605'), from: undefined }, 200],
      ['no serviceUrl', { ...del('1714000000605'), serviceUrl: undefined }, 200],
    ];
    for (const [name, payload, status] of hostile) {
      const res = await post(payload);
      assert.deepEqual([res.status, res.sent], [status, 0], `${name}: ${res.body}`);
    }
    // Wrong types fail the activity schema: the endpoint's Japanese 400.
    for (const payload of [
      { ...edit('1714000000605', '編集'), text: 12345 },
      { ...edit('1714000000605', '編集'), id: 1714000000605 },
    ]) {
      const res = await post(payload);
      assert.deepEqual([res.status, JSON.parse(res.body).error, res.sent], [400, 'INPUT_INVALID', 0]);
    }
    assert.deepEqual(await commentsOf(ticket), [['requester', 'VPNが切れます']]);

    const long = await post(edit('1714000000605', 'あ'.repeat(501)));
    assert.deepEqual([long.status, long.sent], [200, 1]);
    assert.equal(
      cardOf(connector.sent().at(-1)!).body[0]?.text,
      `編集後のメッセージが500文字を超えているため、お問い合わせ ${ticket.number} に反映できませんでした。` +
        '500文字以内で、新しいメッセージとしてお送りください。',
    );
    assert.deepEqual(await commentsOf(ticket), [['requester', 'VPNが切れます']]);
    assert.equal(replied().length, 1);
    assert.deepEqual(
      logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});

describe('Teams message change keys', () => {
  const activity = (over: Payload) =>
    Activity.fromObject({ type: 'messageUpdate', id: '1714000000601', conversation: { id: 'a:1chat' }, ...over });

  it('acts on editMessage, undeleteMessage and softDeleteMessage only', () => {
    const ofType = (type: string, eventType?: unknown) =>
      messageEventOf(activity({ type, channelData: eventType === undefined ? {} : { eventType } }));
    assert.deepEqual(
      [
        ofType('messageUpdate', 'editMessage'),
        ofType('messageDelete', 'softDeleteMessage'),
        ofType('messageUpdate', 'undeleteMessage'),
        ofType('messageUpdate', 'softDeleteMessage'),
        ofType('messageDelete', 'editMessage'),
        ofType('messageUpdate'),
        ofType('messageUpdate', 1),
      ],
      ['editMessage', 'softDeleteMessage', 'undeleteMessage', undefined, undefined, undefined, undefined],
    );
  });

  it("names the message and the change: an edit's text, so another edit is another change", () => {
    const a = changeKey(activity({ text: '一' }), 'editMessage');
    const b = changeKey(activity({ text: '二' }), 'editMessage');
    assert.match(a ?? '', /^teams:a:1chat\|1714000000601#editMessage:[0-9a-f]{16}$/);
    assert.notEqual(a, b);
    assert.equal(changeKey(activity({ text: '一' }), 'editMessage'), a);
    assert.equal(changeKey(activity({}), 'softDeleteMessage'), 'teams:a:1chat|1714000000601#softDeleteMessage');
    assert.equal(changeKey(activity({ id: undefined }), 'softDeleteMessage'), undefined);
  });

  it('adds the time Teams stamped the change, so a redelivery is one change and a later delete another', () => {
    const at = (timestamp: unknown) => activity({ type: 'messageDelete', timestamp });
    const first = changeKey(at('2026-11-20T02:10:00.000Z'), 'softDeleteMessage');
    assert.equal(first, 'teams:a:1chat|1714000000601#softDeleteMessage@2026-11-20T02:10:00.000Z');
    assert.equal(changeKey(at('2026-11-20T02:10:00.000Z'), 'softDeleteMessage'), first);
    assert.equal(
      changeKey(at('2026-11-20T02:12:00.000Z'), 'undeleteMessage'),
      'teams:a:1chat|1714000000601#undeleteMessage@2026-11-20T02:12:00.000Z',
    );
    assert.match(
      changeKey(activity({ text: '一', timestamp: '2026-11-20T02:10:00Z' }), 'editMessage') ?? '',
      /^teams:a:1chat\|1714000000601#editMessage:[0-9a-f]{16}@2026-11-20T02:10:00\.000Z$/,
    );
    // An invalid stamp is left out rather than failing the turn.
    assert.equal(changeKey(at('garbage'), 'softDeleteMessage'), 'teams:a:1chat|1714000000601#softDeleteMessage');
  });
});
