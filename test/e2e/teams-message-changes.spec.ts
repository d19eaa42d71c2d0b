/**
 * A requester edits and deletes in Teams a message that went to their ticket, on the real app (SQLite, the
 * operators' Teams channel on, every notification through the loopback Bot Connector), replaying
 * test/fixtures/teams-extra: the edit becomes the requester's correction with exactly one operator notification
 * and no reply, the console shows it, a redelivery writes nothing, an undelete is acknowledged, and the delete
 * withdraws the message with its correction; in a channel thread a message the operator already answered is
 * kept and the delete noted in the history, and another member's edit of it changes nothing.
 */
import assert from 'node:assert/strict';
import { cardText, teamsReplayApp } from '../helpers/teams-replay';
import { cardOf } from '../fakes/teams-connector';

const OPERATORS = '19:kotae-operators@thread.tacv2';
const SUZUKI_CHAT = 'a:1kotaeTestPersonalChatSuzukiIchiroXq9Zr';
const MARK = '（Teamsでメッセージが編集されました）';

describe('end to end: a requester edits or deletes in Teams a message on the ticket', function () {
  this.timeout(120_000);
  const replay = teamsReplayApp((serviceUrl) => ({
    KOTAE_NOTIFY_TEAMS_SERVICE_URL: serviceUrl,
    KOTAE_NOTIFY_TEAMS_CONVERSATION_ID: OPERATORS,
    KOTAE_NOTIFY_TEAMS_EVENTS: 'requester_replied',
  }));
  const { fixture, press, post } = replay;

  /** Asks in the chat of `name`, escalates with the answer's button and the form; returns the ticket number. */
  async function escalated(name: string, id: string, question: string): Promise<string> {
    const asked = await post(fixture(name, { id, text: question }));
    assert.equal(asked.sent.length, 1);
    type Action = { title: string; verb: string; data: Record<string, string> };
    const escalate = (cardOf(asked.sent[0]!).actions as Action[] | undefined)?.find(
      (a) => a.title === '担当者に問い合わせる',
    );
    assert.ok(escalate, cardText(asked.sent[0]!));
    const form = await post(press(name, `${id}-escalate`, escalate));
    const submit = form.body.value.actions[0] as Action;
    const created = await post(
      press(name, `${id}-submit`, { ...submit, data: { ...submit.data, details: '朝から続いています' } }),
    );
    const number = /HD-\d{4}-\d{6}/.exec(JSON.stringify(created.body))?.[0];
    assert.ok(number, JSON.stringify(created.body));
    return number;
  }

  async function ticketRows(number: string) {
    const [ticket] = await replay.kotae.app.dataSource.query(`SELECT "id" FROM "ticket" WHERE "number" = ?`, [number]);
    const comments = await replay.kotae.app.dataSource.query(
      `SELECT "kind", "author", "body", "messageKey" FROM "ticket_comment" WHERE "ticketId" = ? ORDER BY "createdAt"`,
      [ticket.id],
    );
    const history = await replay.kotae.app.dataSource.query(
      `SELECT "actor", "field", "before", "after" FROM "ticket_event" WHERE "ticketId" = ? ORDER BY "at"`,
      [ticket.id],
    );
    return { comments, history };
  }

  /** The operators' channel posts about requester messages, once every notification is out. */
  const notices = (expected: number): Promise<string[]> => replay.notices(OPERATORS, expected);

  it('adds an edit as the correction (one notification, no reply), withdraws the message on delete', async () => {
    const number = await escalated('message-personal-long-text.json', 'e2e-q-1', 'VPNにつながりません');
    const reply = await post(fixture('message-personal-long-text.json', { text: 'プリンタで印刷できません。' }));
    assert.equal(reply.sent.length, 1);
    assert.match(cardText(reply.sent[0]!), new RegExp(`^お問い合わせ ${number} に追記しました。`));
    assert.equal((await notices(1)).length, 1);

    const edited = await post(fixture('messageUpdate-editMessage-personal.json'));
    assert.deepEqual([edited.status, edited.body, edited.sent.length], [200, '', 0]);
    const correction = `${MARK}\nプリンタで印刷できません（3階の複合機です）`;
    const key = `teams:${SUZUKI_CHAT}|1714000000601`;
    assert.deepEqual((await ticketRows(number)).comments, [
      { kind: 'requester', author: '鈴木 一郎', body: 'プリンタで印刷できません。', messageKey: key },
      { kind: 'requester', author: '鈴木 一郎', body: correction, messageKey: key },
    ]);
    const posted = await notices(2);
    assert.equal(posted.length, 2);
    assert.match(posted[1]!, new RegExp(`^【Kotae】依頼者から返信 ${number}: `));
    assert.ok(posted[1]!.includes('プリンタで印刷できません（3階の複合機です）'), posted[1]);
    const page = await replay.operator.get(`/console/tickets/${number}`);
    assert.ok(page.text.includes(correction), 'the console shows the correction');

    // Teams retries the edit, and then sends an undelete: nothing is written, said or notified.
    for (const name of ['messageUpdate-editMessage-personal.json', 'messageUpdate-undeleteMessage-personal.json']) {
      const again = await post(fixture(name));
      assert.deepEqual([again.status, again.sent.length], [200, 0], name);
    }
    assert.equal((await ticketRows(number)).comments.length, 2);

    const deleted = await post(fixture('messageDelete-softDeleteMessage-personal.json'));
    assert.deepEqual([deleted.status, deleted.body, deleted.sent.length], [200, '', 0]);
    const after = await ticketRows(number);
    assert.deepEqual(
      after.comments.map((c: { kind: string; body: string }) => [c.kind, c.body]),
      [
        ['deleted', 'プリンタで印刷できません。'],
        ['deleted', correction],
      ],
    );
    // The whole history, times as 'time': the message and its correction flag the ticket, the delete takes both off.
    const time = (v: string | null) => (v && /^\d{4}-\d\d-\d\dT/.test(v) ? 'time' : v);
    assert.deepEqual(
      after.history.map((e: { actor: string; field: string; before: string | null; after: string | null }) => [
        e.actor,
        e.field,
        time(e.before),
        time(e.after),
      ]),
      [
        ['鈴木 一郎', 'created', null, number],
        ['requester', 'requesterRepliedAt', null, 'time'],
        ['requester', 'requesterRepliedAt', 'time', 'time'],
        ['requester', 'requesterWithdrawn', 'プリンタで印刷できません。', 'teams_deleted'],
        ['requester', 'requesterRepliedAt', 'time', null],
        ['requester', 'requesterWithdrawn', correction, 'teams_deleted'],
      ],
    );
    const [flag] = await replay.kotae.app.dataSource.query(
      `SELECT "requesterRepliedAt" FROM "ticket" WHERE "number" = ?`,
      [number],
    );
    assert.equal(flag.requesterRepliedAt, null);
    const again = await post(fixture('messageDelete-softDeleteMessage-personal.json'));
    assert.deepEqual([again.status, again.sent.length], [200, 0]);
    const shown = (await replay.operator.get(`/console/tickets/${number}`)).text;
    assert.equal(shown.split('依頼者から（取り消し済み: Teamsで削除）').length - 1, 2);
    assert.equal(shown.split('依頼者がTeamsで削除したため取り消しました').length - 1, 2);
    assert.equal((await notices(2)).length, 2, 'no notification for a delete');
  });

  it('keeps a deleted message the operator answered, noting it; ignores another member editing it', async () => {
    const thread = 'message-channel-thread-reply.json';
    const number = await escalated(thread, '1714000000305', '<at>Kotae</at> 共有フォルダにアクセスできません');
    const text = '<at>Kotae</at> サーバは fs01 です';
    const added = await post(fixture(thread, { id: '1714000000306', text }));
    assert.match(cardText(added.sent[0]!), new RegExp(`^お問い合わせ ${number} に追記しました。`));
    const page = `/console/tickets/${number}`;
    assert.equal(
      (await replay.operator.post(`${page}/reply`, { body: 'fs01 の権限を確認します。' }, page)).status,
      303,
    );

    // The question the bot answered (the fixture's own id) and another member's edit: nothing.
    const suzuki = fixture('messageUpdate-editMessage-personal.json').from;
    for (const payload of [
      fixture('messageUpdate-editMessage-channel-thread.json'),
      fixture('messageDelete-softDeleteMessage-channel-thread.json'),
      fixture('messageUpdate-editMessage-channel-thread.json', { id: '1714000000306', from: suzuki }),
    ]) {
      const res = await post(payload);
      assert.deepEqual([res.status, res.sent.length], [200, 0]);
    }
    const before = await ticketRows(number);
    assert.deepEqual(
      before.comments.map((c: { kind: string; body: string }) => [c.kind, c.body]),
      [
        ['requester', 'サーバは fs01 です'],
        ['reply', `【ヘルプデスクからの回答】${number}\nfs01 の権限を確認します。`],
      ],
    );

    const deleted = await post(fixture('messageDelete-softDeleteMessage-channel-thread.json', { id: '1714000000306' }));
    assert.deepEqual([deleted.status, deleted.sent.length], [200, 0]);
    const after = await ticketRows(number);
    assert.deepEqual(after.comments, before.comments);
    assert.deepEqual(after.history.slice(before.history.length), [
      { actor: 'requester', field: 'requesterWithdrawn', before: 'サーバは fs01 です', after: 'teams_deleted_kept' },
    ]);
    const shown = (await replay.operator.get(page)).text;
    assert.ok(shown.includes('依頼者がTeamsで削除しました（担当者の返信後のため残しています）'));
    assert.deepEqual(
      replay.kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});
