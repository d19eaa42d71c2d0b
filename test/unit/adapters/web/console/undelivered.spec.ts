import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

describe('console: undelivered replies and requester replies', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('lists a failed reply as 未送信 in the queue, retries it on request, and shows the honest state', async () => {
    const t = await h.openTicket();
    const s = await h.sessionFor('operator');
    h.web.failing = true;
    const reply = await h.request('POST', `/console/tickets/${t.number}/reply`, {
      session: s,
      form: { body: '回答です' },
    });
    assert.match(reply.location, /notice=replyQueued/);
    let queue = await h.request('GET', '/console/tickets', { session: s });
    assert.match(queue.text, /未送信の返信（1）/);
    assert.match(queue.text, new RegExp(`${t.number}</a> ・ [^<]* ・\\s*送信失敗: channel down`));
    let detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s });
    assert.match(detail.text, /送信失敗（再送待ち）: channel down/);

    h.web.failing = false;
    const retry = await h.request('POST', '/console/tickets/retry-undelivered', { session: s });
    assert.equal(retry.status, 303);
    assert.match(retry.location, /notice=retried/);
    assert.equal(h.web.sent.length, 1);
    queue = await h.request('GET', '/console/tickets', { session: s });
    assert.match(queue.text, /未送信の返信（0）/);
    // A web chat reply is 未読 until the requester's page fetched it, then 既読.
    detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s });
    assert.match(detail.text, /<span class="delivery ">未読<\/span>/);
    await h.ticketStore.markRepliesRead(t.conversationId!, h.clock.now());
    detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s });
    assert.match(detail.text, /<span class="delivery ">既読（[^）]+）<\/span>/);
  });

  it('flags 依頼者から返信あり in the queue until an operator replies', async () => {
    const t = await h.openTicket();
    const s = await h.sessionFor('operator');
    await h.ticketStore.addComment(t.id, { kind: 'requester', author: '山田 花子', body: '追記です' });
    await h.ticketStore.update(t.id, t.version, { requesterRepliedAt: h.clock.now() }, 'requester');
    let queue = await h.request('GET', '/console/tickets', { session: s });
    assert.match(queue.text, /依頼者から返信あり/);
    const detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s });
    assert.match(detail.text, /依頼者から ・ 山田 花子/);
    await h.request('POST', `/console/tickets/${t.number}/reply`, { session: s, form: { body: '確認します' } });
    queue = await h.request('GET', '/console/tickets', { session: s });
    assert.doesNotMatch(queue.text, /依頼者から返信あり/);
  });

  it('shows a message withdrawn as a bot question struck through, and the withdrawal in the history', async () => {
    const t = await h.openTicket();
    const s = await h.sessionFor('operator');
    const message = await h.ticketStore.addComment(t.id, { kind: 'requester', author: '山田 花子', body: '追記です' });
    const flagged = await h.ticketStore.update(t.id, t.version, { requesterRepliedAt: h.clock.now() }, 'requester');
    const patch = { requesterRepliedAt: null };
    assert.equal(
      await h.ticketStore.withdrawRequesterComment(t.id, message.id, flagged.version, patch, 'requester'),
      true,
    );
    const detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s });
    assert.match(
      detail.text,
      /<li class="withdrawn">\s*<p class="meta">\s*依頼者から（取り消し済み: ボットへの質問） ・ 山田 花子 ・/,
    );
    assert.match(
      detail.text,
      /<td>依頼者<\/td>\s*<td>依頼者のメッセージ<\/td>\s*<td>追記です<\/td>\s*<td>依頼者がボットへの質問として取り消しました<\/td>/,
    );
    assert.doesNotMatch((await h.request('GET', '/console/tickets', { session: s })).text, /依頼者から返信あり/);
  });
});
