/**
 * A requester deletes and then restores (undeletes) in Teams a message on their ticket, on the real app (SQLite,
 * the operators' Teams channel on, the loopback Bot Connector), replaying test/fixtures/teams-extra: the delete
 * withdraws it, the undelete puts it back with one operator notification and no reply, and the console shows the
 * message and both lines of the history; a redelivered undelete writes nothing.
 */
import assert from 'node:assert/strict';
import { teamsReplayApp } from '../helpers/teams-replay';
import { cardOf } from '../fakes/teams-connector';

const OPERATORS = '19:kotae-operators@thread.tacv2';
const PERSONAL = 'message-personal-long-text.json';

describe('end to end: a requester restores in Teams a message they deleted from the ticket', function () {
  this.timeout(120_000);
  const replay = teamsReplayApp((serviceUrl) => ({
    KOTAE_NOTIFY_TEAMS_SERVICE_URL: serviceUrl,
    KOTAE_NOTIFY_TEAMS_CONVERSATION_ID: OPERATORS,
    KOTAE_NOTIFY_TEAMS_EVENTS: 'requester_replied',
  }));
  const { fixture, post } = replay;
  /** Pressing an Action.Execute button in the personal chat's envelope. */
  const press = (id: string, action: { verb?: unknown; data?: unknown }) => replay.press(PERSONAL, id, action);

  /** The operators' channel posts, once every notification is out. */
  const notices = (expected: number): Promise<string[]> => replay.notices(OPERATORS, expected);

  it('withdraws the deleted message and puts it back on undelete: one notification, the console shows both lines', async () => {
    type Action = { title: string; verb: string; data: Record<string, string> };
    const asked = await post(fixture(PERSONAL, { id: 'e2e-u-1', text: 'VPNにつながりません' }));
    const escalate = (cardOf(asked.sent[0]!).actions as Action[] | undefined)?.find(
      (a) => a.title === '担当者に問い合わせる',
    );
    assert.ok(escalate);
    const form = await post(press('e2e-u-1-escalate', escalate));
    const submit = form.body.value.actions[0] as Action;
    const created = await post(press('e2e-u-1-submit', { ...submit, data: { ...submit.data, details: '朝から' } }));
    const number = /HD-\d{4}-\d{6}/.exec(JSON.stringify(created.body))?.[0];
    assert.ok(number);
    assert.equal((await post(fixture(PERSONAL, { text: 'プリンタで印刷できません。' }))).sent.length, 1);
    assert.equal((await notices(1)).length, 1);

    const deleted = await post(fixture('messageDelete-softDeleteMessage-personal.json'));
    assert.deepEqual([deleted.status, deleted.body, deleted.sent.length], [200, '', 0]);
    const kinds = async () =>
      (
        await replay.kotae.app.dataSource.query(
          `SELECT c."kind", c."body" FROM "ticket_comment" c JOIN "ticket" t ON t."id" = c."ticketId" WHERE t."number" = ?`,
          [number],
        )
      ).map((c: { kind: string; body: string }) => [c.kind, c.body]);
    assert.deepEqual(await kinds(), [['deleted', 'プリンタで印刷できません。']]);

    for (let i = 0; i < 2; i += 1) {
      const restored = await post(fixture('messageUpdate-undeleteMessage-personal.json'));
      assert.deepEqual([restored.status, restored.body, restored.sent.length], [200, '', 0]);
    }
    assert.deepEqual(await kinds(), [['requester', 'プリンタで印刷できません。']]);
    const posted = await notices(2);
    assert.equal(posted.length, 2);
    assert.match(posted[1]!, new RegExp(`^【Kotae】依頼者から返信 ${number}: `));
    assert.ok(
      posted[1]!.includes('（依頼者が削除したメッセージを元に戻しました）\nプリンタで印刷できません。'),
      posted[1],
    );

    const shown = (await replay.operator.get(`/console/tickets/${number}`)).text;
    assert.equal(shown.split('依頼者から（取り消し済み: Teamsで削除）').length - 1, 0);
    assert.equal(shown.split('依頼者がTeamsで削除したため取り消しました').length - 1, 1);
    assert.equal(shown.split('依頼者がTeamsで元に戻したため、取り消しを解除しました').length - 1, 1);
    assert.deepEqual(
      replay.kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});
