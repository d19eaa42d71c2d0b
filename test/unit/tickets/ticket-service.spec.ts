import assert from 'node:assert/strict';
import { KotaeError } from '../../../core/errors';
import { TICKET_MESSAGES } from '../../../tickets';
import { ticketHarness } from './ticket-harness';

const rejectsWith = (p: Promise<unknown>, code: string, message?: RegExp) =>
  assert.rejects(
    p,
    (e: unknown) => e instanceof KotaeError && e.code === code && (!message || message.test(e.userMessage)),
  );

describe('TicketService lifecycle', () => {
  it('walks new → in_progress → on_hold → in_progress → resolved → closed and reopens', async () => {
    const h = ticketHarness();
    const t = await h.open();
    let cur = await h.service.update(t.id, 1, { status: 'in_progress' }, 'op1');
    assert.equal(cur.firstResponseAt?.toISOString(), h.clock.now().toISOString());
    h.clock.advanceMinutes(10);
    cur = await h.service.update(t.id, cur.version, { status: 'on_hold' }, 'op1');
    assert.equal(cur.holds.length, 1);
    cur = await h.service.update(t.id, cur.version, { status: 'in_progress' }, 'op1');
    cur = await h.service.update(t.id, cur.version, { status: 'resolved' }, 'op1');
    assert.ok(cur.resolvedAt);
    cur = await h.service.update(t.id, cur.version, { status: 'closed' }, 'op1');
    assert.ok(cur.closedAt);
    cur = await h.service.update(t.id, cur.version, { status: 'in_progress' }, 'op1');
    assert.equal(cur.resolvedAt, undefined);
    assert.equal(cur.closedAt, undefined);
    assert.equal(h.web.sent.length, 6, 'every status change notifies the requester');
    assert.match(h.web.sent[3].reply.text, /状態が「解決」に変わりました/);
  });

  it('rejects an invalid transition with TICKET_TRANSITION_INVALID', async () => {
    const h = ticketHarness();
    const t = await h.open();
    const r = await h.service.update(t.id, 1, { status: 'resolved' }, 'op1');
    await rejectsWith(
      h.service.update(t.id, r.version, { status: 'on_hold' }, 'op1'),
      'TICKET_TRANSITION_INVALID',
      /「解決」から「保留（回答待ち）」/,
    );
    assert.equal((await h.store.get(t.id))?.status, 'resolved');
  });

  it('refuses to resolve an incident without cause, actions and prevention, naming them', async () => {
    const h = ticketHarness();
    const t = await h.open({ type: 'incident' });
    await rejectsWith(
      h.service.update(t.id, 1, { status: 'resolved' }, 'op1'),
      'INPUT_INVALID',
      /原因・対応内容・再発防止策を入力/,
    );
    await rejectsWith(
      h.service.update(t.id, 1, { status: 'closed', incident: { cause: 'ルータ故障', actions: ' ' } }, 'op1'),
      'INPUT_INVALID',
      /対応内容・再発防止策を入力/,
    );
    assert.equal((await h.store.get(t.id))?.version, 1, 'nothing saved');
    const ok = await h.service.update(
      t.id,
      1,
      { status: 'resolved', incident: { cause: 'ルータ故障', actions: '交換', prevention: '冗長化' } },
      'op1',
    );
    assert.equal(ok.status, 'resolved');
  });

  it('keeps a stale save from overwriting (CONFLICT with the Japanese message)', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await h.service.update(t.id, 1, { assignee: 'op1' }, 'op1');
    await rejectsWith(
      h.service.update(t.id, 1, { assignee: 'op2', priority: 'high' }, 'op2'),
      'CONFLICT',
      /他の担当者が先に更新しました/,
    );
    const got = await h.store.get(t.id);
    assert.equal(got?.assignee, 'op1');
    assert.equal(got?.priority, 'normal');
  });

  it('checks categories against the configured list', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await rejectsWith(
      h.service.update(t.id, 1, { category: '存在しない分類' }, 'op1'),
      'INPUT_INVALID',
      /登録されていません/,
    );
    assert.equal((await h.service.update(t.id, 1, { category: 'プリンタ' }, 'op1')).category, 'プリンタ');
  });
});

describe('TicketService replies and notes', () => {
  it('stores a reply, delivers it with the ticket number and starts the response clock', async () => {
    const h = ticketHarness();
    const t = await h.open();
    const c = await h.service.reply(t.id, 'パスワードを再設定しました。', 'op1');
    assert.ok(c.deliveredAt);
    assert.equal(h.web.sent.length, 1);
    assert.equal(h.web.sent[0].reply.text, `${TICKET_MESSAGES.replyPrefix(t.number)}\nパスワードを再設定しました。`);
    assert.equal(h.web.sent[0].conversation.id, 'conv-1');
    assert.equal(h.conversations.lines[0].entry.role, 'operator');
    const after = await h.store.get(t.id);
    assert.equal(after?.firstResponseAt?.toISOString(), h.clock.now().toISOString());
    assert.equal(after?.status, 'new');
  });

  it('keeps internal notes away from the requester', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await h.service.note(t.id, '担当課に確認中', 'op1');
    assert.equal(h.web.sent.length, 0);
    assert.equal((await h.store.comments(t.id))[0].kind, 'note');
  });

  it('records a failed delivery and delivers it on retry', async () => {
    const h = ticketHarness();
    const t = await h.open();
    h.web.failing = true;
    const c = await h.service.reply(t.id, '確認しました。', 'op1');
    assert.equal(c.deliveredAt, undefined);
    assert.equal(c.deliveryError, 'channel down');
    assert.equal((await h.store.comments(t.id))[0].deliveryError, 'channel down');
    assert.deepEqual(await h.service.retryUndelivered(), { attempted: 1, delivered: 0 });
    h.web.failing = false;
    assert.deepEqual(await h.service.retryUndelivered(), { attempted: 1, delivered: 1 });
    const stored = (await h.store.comments(t.id))[0];
    assert.ok(stored.deliveredAt);
    assert.equal(stored.deliveryError, undefined);
    assert.match(h.web.sent[0].reply.text, /確認しました。/);
    assert.deepEqual(await h.service.retryUndelivered(), { attempted: 0, delivered: 0 });
  });

  it('records an error when the channel has no sender or the ticket no conversation', async () => {
    const h = ticketHarness();
    h.conversations.add('conv-teams', 'teams');
    const teams = await h.open({ conversationId: 'conv-teams' });
    assert.match((await h.service.reply(teams.id, '回答', 'op1')).deliveryError ?? '', /no sender for channel teams/);
    const none = await h.open({ conversationId: undefined });
    assert.match((await h.service.reply(none.id, '回答', 'op1')).deliveryError ?? '', /no conversation/);
  });

  it('rejects empty replies', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await rejectsWith(h.service.reply(t.id, '   ', 'op1'), 'INPUT_INVALID', /本文を入力/);
  });
});

describe('TicketService SLA, queue and attachments', () => {
  it('computes SLA clocks and filters the queue by SLA state', async () => {
    const h = ticketHarness();
    const urgent = await h.open({ priority: 'urgent' });
    await h.open({ priority: 'low' });
    h.clock.advanceMinutes(5 * 60);
    const sla = h.service.sla((await h.store.get(urgent.id))!);
    assert.equal(sla.response.state, 'breached');
    assert.equal(sla.resolution.state, 'breached');
    const breached = await h.service.queue({ sla: 'breached' });
    assert.equal(breached.total, 2, 'both missed the 2-hour response budget');
    const counts = await h.service.countsByStatus();
    assert.equal(counts.new, 2);
    assert.equal(counts.closed, 0);
  });

  it('sends files with a reply: recorded on the ticket, named in the delivered text', async () => {
    const h = ticketHarness();
    const t = await h.open();
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.from('画面')]);
    const staged = await h.files.stage(chunks(png), { fileName: '設定手順.png', contentType: 'image/png' });
    await h.service.reply(t.id, '手順の画像を添付します。', 'op1', [staged]);
    const list = await h.service.attachments(t.number);
    assert.deepEqual(
      list.map((a) => [a.fileName, a.contentType, a.sizeBytes, a.uploadedBy, a.kind, a.conversationId]),
      [['設定手順.png', 'image/png', png.length, 'op1', 'operator', 'conv-1']],
    );
    const comments = await h.store.comments(t.id);
    assert.equal(list[0].commentId, comments[0].id);
    assert.equal(h.web.sent.length, 1);
    assert.equal(
      h.web.sent[0].reply.text,
      `【ヘルプデスクからの回答】${t.number}\n手順の画像を添付します。\n📎 添付ファイル: 設定手順.png（14バイト）`,
    );
    assert.equal(h.fileStore.files.size, 1);
  });

  it('audits ticket changes', async () => {
    const h = ticketHarness();
    const t = await h.open();
    await h.service.update(t.id, 1, { assignee: 'op1' }, 'op1');
    await h.service.reply(t.id, '回答', 'op1');
    assert.deepEqual(
      h.audit.entries.map((e) => e.action),
      ['ticket.update', 'ticket.reply'],
    );
  });
});

async function* chunks(buffer: Buffer): AsyncIterable<Uint8Array> {
  yield buffer;
}
