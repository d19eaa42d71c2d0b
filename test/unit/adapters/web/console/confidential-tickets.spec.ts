/**
 * 機密性3 (issue 16 point 5): a marked ticket does not exist for an operator who is not rostered — the
 * console page, queue, search, attachment, live stream, notes and the JSON API answer exactly as for a
 * ticket that does not exist — while rostered operators (within their period) and administrators see it.
 */
import assert from 'node:assert/strict';
import { TICKET_MESSAGES } from '../../../../../tickets';
import { startConsole, type ConsoleHarness, type Session } from './console-harness';

describe('機密性3 tickets in the console and the JSON API', () => {
  let h: ConsoleHarness;
  let secret: string;
  let other: string;
  let attachmentId: string;
  let ticketId: string;
  let op: Session;
  let admin: Session;
  const missing = 'HD-2026-999999';

  before(async () => {
    h = await startConsole();
    const { ticket, attachment } = await h.attachedImage();
    secret = ticket.number;
    ticketId = ticket.id;
    attachmentId = attachment.id;
    other = (await h.openTicket({ title: '別のプリンタの件' })).number;
    op = await h.sessionFor('operator');
    admin = await h.sessionFor('admin');
    const marked = await h.request('POST', `/console/tickets/${secret}/confidential`, {
      session: admin,
      form: { confidential: 'on' },
    });
    assert.equal(marked.status, 303);
    assert.equal((await h.ticketStore.get(secret))?.confidential, true);
  });
  after(() => h.close());

  const get = (path: string, session: Session) => h.request('GET', path, { session });

  async function assertHiddenFrom(session: Session): Promise<void> {
    const page = await get(`/console/tickets/${secret}`, session);
    const none = await get(`/console/tickets/${missing}`, session);
    assert.equal(page.status, 404);
    assert.equal(page.text, none.text, 'the page of a hidden ticket is the page of a missing one');

    const api = await get(`/console/api/tickets/${secret}`, session);
    assert.equal(api.status, 404);
    assert.deepEqual(JSON.parse(api.text), {
      error: { code: 'NOT_FOUND', message: TICKET_MESSAGES.ticketNotFound },
    });
    assert.equal(api.text, (await get(`/console/api/tickets/${missing}`, session)).text);

    const list = JSON.parse((await get('/console/api/tickets?q=プリンタ', session)).text) as {
      total: number;
      tickets: { number: string }[];
    };
    assert.deepEqual(
      list.tickets.map((t) => t.number),
      [other],
    );
    assert.equal(list.total, 1);
    for (const path of ['/console/tickets', '/console/tickets?q=プリンタ', `/console/tickets?q=${secret}`]) {
      const queue = await get(path, session);
      assert.equal(queue.status, 200);
      assert.equal(queue.text.includes(`/tickets/${secret}`), false, path);
    }
    assert.equal((await get(`/console/attachments/${attachmentId}`, session)).status, 404);
    assert.equal((await get(`/console/events?ticket=${ticketId}`, session)).status, 404);
    const note = await h.request('POST', `/console/tickets/${secret}/note`, { session, form: { body: 'メモ' } });
    assert.equal(note.status, 404);
  }

  async function assertVisibleTo(session: Session): Promise<void> {
    const page = await get(`/console/tickets/${secret}`, session);
    assert.equal(page.status, 200);
    assert.ok(page.text.includes('このチケットは機密性3です'));
    const api = JSON.parse((await get(`/console/api/tickets/${secret}`, session)).text) as {
      ticket: { number: string; confidential: boolean };
    };
    assert.deepEqual([api.ticket.number, api.ticket.confidential], [secret, true]);
    const list = JSON.parse((await get('/console/api/tickets', session)).text) as { tickets: { number: string }[] };
    assert.deepEqual(list.tickets.map((t) => t.number).sort(), [secret, other].sort());
    assert.ok((await get('/console/tickets', session)).text.includes(`/tickets/${secret}`));
    assert.equal((await get(`/console/attachments/${attachmentId}`, session)).status, 200);
  }

  it('is invisible to an operator who is not rostered (exact 404, nothing listed)', async () => {
    await assertHiddenFrom(op);
  });

  it('an operator who is not rostered cannot mark a ticket 機密性3 (403)', async () => {
    const res = await h.request('POST', `/console/tickets/${other}/confidential`, {
      session: op,
      form: { confidential: 'on' },
    });
    assert.equal(res.status, 403);
    assert.equal((await h.ticketStore.get(other))?.confidential, undefined);
  });

  it('is visible to an administrator', async () => {
    await assertVisibleTo(admin);
  });

  it('is visible to the operator once rostered (audited), and invisible again after the period ends', async () => {
    const added = await h.request('POST', '/console/roster', {
      session: admin,
      form: { username: 'op1', from: '2026-04-01', to: '2026-04-30', approver: '情報政策課長 架空太郎' },
    });
    assert.equal(added.status, 303);
    const roster = await get('/console/roster', admin);
    assert.ok(roster.text.includes('情報政策課長 架空太郎'));
    assert.equal((await get('/console/roster', op)).status, 403);
    await assertVisibleTo(op);

    h.clock.set('2026-04-30T14:59:00Z'); // 4/30 23:59 JST: the last day still counts
    // Sessions end long before a month passes: sign in again at the new time.
    op = await h.sessionFor('operator');
    assert.equal((await get(`/console/tickets/${secret}`, op)).status, 200);
    h.clock.set('2026-04-30T15:00:00Z'); // 5/1 0:00 JST
    op = await h.sessionFor('operator');
    admin = await h.sessionFor('admin');
    await assertHiddenFrom(op);
    await assertVisibleTo(admin);
  });

  it('refuses a bad roster entry with a Japanese message and stores nothing', async () => {
    const before = (await h.deps.roster.list()).length;
    const res = await h.request('POST', '/console/roster', {
      session: admin,
      form: { username: 'staff1', from: '2026-04-01', to: '2026-04-30', approver: 'A' },
    });
    assert.equal(res.status, 400);
    assert.ok(res.text.includes('担当者「staff1」は登録されていません'));
    const reversed = await h.request('POST', '/console/roster', {
      session: admin,
      form: { username: 'op1', from: '2026-04-30', to: '2026-04-01', approver: 'A' },
    });
    assert.equal(reversed.status, 400);
    assert.ok(reversed.text.includes('終了日は開始日以降の日付にしてください。'));
    assert.equal((await h.deps.roster.list()).length, before);
  });
});
