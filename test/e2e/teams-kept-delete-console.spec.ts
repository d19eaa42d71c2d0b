/**
 * The console's ticket page marks a requester message deleted in Teams but kept on the ticket (an operator had
 * replied, `ticket_comment.deletedInChannelAt`): 「依頼者がTeamsで削除（担当者の返信後のため残しています）」 beside
 * exactly that message, in words; the requester restoring it in Teams takes the label off. Real app on SQLite, the
 * loopback Bot Connector, test/fixtures/teams-extra replayed in a channel thread.
 */
import assert from 'node:assert/strict';
import { teamsReplayApp } from '../helpers/teams-replay';
import { cardOf } from '../fakes/teams-connector';

const THREAD = 'message-channel-thread-reply.json';
const LABEL = '依頼者がTeamsで削除（担当者の返信後のため残しています）';
const KEPT = 'サーバは fs01 です';
const LATER = 'ドライブの割り当ても確認しました';

describe('end to end: the console marks a message deleted in Teams but kept after a reply', function () {
  this.timeout(120_000);
  const replay = teamsReplayApp();
  const { fixture, post } = replay;
  /** Pressing an Action.Execute button in the thread's envelope. */
  const press = (id: string, action: { verb?: unknown; data?: unknown }) => replay.press(THREAD, id, action);

  /** The ticket page's thread: each comment's `<li>` with its text, and how often the label occurs on the page. */
  async function thread(page: string): Promise<{ items: string[]; labels: number }> {
    const shown = (await replay.operator.get(page)).text;
    const list = /<ol class="comments">([\s\S]*?)<\/ol>/.exec(shown)?.[1] ?? '';
    const items = [...list.matchAll(/<li class="[a-z]+">([\s\S]*?)<\/li>/g)].map((m) => m[1]!.replace(/\s+/g, ' '));
    return { items, labels: shown.split(LABEL).length - 1 };
  }

  it('labels exactly the kept message while it is deleted in Teams, not after the undelete', async () => {
    type Action = { title: string; verb: string; data: Record<string, string> };
    const asked = await post(
      fixture(THREAD, { id: '1714000000305', text: '<at>Kotae</at> 共有フォルダにアクセスできません' }),
    );
    assert.equal(asked.status, 200);
    const sent = replay.connector.calls.filter((c) => c.activity.type === 'message');
    const escalate = (cardOf(sent[sent.length - 1]!).actions as Action[] | undefined)?.find(
      (a) => a.title === '担当者に問い合わせる',
    );
    assert.ok(escalate);
    const form = await post(press('1714000000305-escalate', escalate));
    const submit = form.body.value.actions[0] as Action;
    const created = await post(
      press('1714000000305-submit', { ...submit, data: { ...submit.data, details: '朝から' } }),
    );
    const number = /HD-\d{4}-\d{6}/.exec(JSON.stringify(created.body))?.[0];
    assert.ok(number);
    assert.equal((await post(fixture(THREAD, { id: '1714000000306', text: `<at>Kotae</at> ${KEPT}` }))).status, 200);
    const page = `/console/tickets/${number}`;
    assert.equal(
      (await replay.operator.post(`${page}/reply`, { body: 'fs01 の権限を確認します。' }, page)).status,
      303,
    );
    assert.equal((await post(fixture(THREAD, { id: '1714000000307', text: `<at>Kotae</at> ${LATER}` }))).status, 200);
    const before = await thread(page);
    assert.equal(before.items.length, 3);
    assert.equal(before.labels, 0);

    const deleted = await post(fixture('messageDelete-softDeleteMessage-channel-thread.json', { id: '1714000000306' }));
    assert.deepEqual([deleted.status, deleted.body], [200, '']);
    const marked = await thread(page);
    assert.equal(marked.labels, 1);
    // The label sits in the kept message's entry, and only there; the other entries are as they were.
    assert.deepEqual(
      marked.items.map((item) => [item.includes(KEPT), item.includes(LATER), item.includes(LABEL)]),
      [
        [true, false, true],
        [false, false, false],
        [false, true, false],
      ],
    );
    assert.match(marked.items[0]!, new RegExp(`<span class="channel-deleted">${LABEL}</span>`));
    assert.deepEqual(marked.items.slice(1), before.items.slice(1));

    const restored = await post(fixture('messageUpdate-undeleteMessage-channel-thread.json', { id: '1714000000306' }));
    assert.deepEqual([restored.status, restored.body], [200, '']);
    const after = await thread(page);
    assert.equal(after.labels, 0);
    assert.deepEqual(after.items, before.items);
    assert.deepEqual(
      replay.kotae.logger.lines.filter((l) => l.level === 'error'),
      [],
    );
  });
});
