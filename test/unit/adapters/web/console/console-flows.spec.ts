import assert from 'node:assert/strict';
import { startConsole, PASSWORD, type ConsoleHarness } from './console-harness';

const alert = (text: string) => text.match(/role="alert">([^<]*)/)?.[1];

describe('console flows', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('signs in through the form with a pre-session CSRF cookie and sets a strict session cookie', async () => {
    const page = await h.request('GET', '/console/signin');
    assert.equal(page.status, 200);
    assert.match(page.text, /<html lang="ja">/);
    assert.match(page.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const pre = (page.headers.get('set-cookie') ?? '').split(';')[0];
    const csrf = page.text.match(/name="_csrf" value="([^"]+)"/)![1];
    const noCsrf = await h.request('POST', '/console/signin', {
      session: { cookie: pre, csrf: '' },
      form: { username: 'op1', password: PASSWORD },
      csrf: null,
    });
    assert.equal(noCsrf.status, 403);
    const wrong = await h.request('POST', '/console/signin', {
      session: { cookie: pre, csrf },
      form: { username: 'op1', password: 'nope' },
    });
    assert.equal(wrong.status, 401);
    assert.equal(
      alert(wrong.text),
      'ユーザー名またはパスワードが正しくないか、アカウントが一時的にロックされています。しばらくしてからもう一度お試しください。',
    );
    const ok = await h.request('POST', '/console/signin', {
      session: { cookie: pre, csrf },
      form: { username: 'op1', password: PASSWORD },
    });
    assert.equal(ok.status, 303);
    const cookie = ok.headers.getSetCookie().find((c) => c.startsWith('kotae_session='))!;
    assert.match(cookie, /; Path=\/; HttpOnly; SameSite=Strict; Max-Age=28800$/);
  });

  it('adds Secure to cookies when configured', async () => {
    const secure = await startConsole();
    try {
      (secure.deps as { secureCookies: boolean }).secureCookies = true;
      const page = await secure.request('GET', '/console/signin');
      assert.match(page.headers.get('set-cookie') ?? '', /; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('rejects a state change with a missing or wrong CSRF token', async () => {
    const t = await h.openTicket();
    const s = await h.sessionFor('operator');
    for (const csrf of [null, 'forged']) {
      const res = await h.request('POST', `/console/tickets/${t.number}/note`, {
        session: s,
        form: { body: 'x' },
        csrf,
      });
      assert.equal(res.status, 403);
      assert.equal(alert(res.text), '画面の有効期限が切れました。再読み込みしてからやり直してください。');
    }
    assert.equal((await h.ticketStore.comments(t.id)).length, 0);
  });

  it('shows the queue with SLA timers and the detail page with the transcript', async () => {
    const t = await h.openTicket();
    h.clock.advanceMinutes(30);
    const s = await h.sessionFor('operator');
    const queue = await h.request('GET', '/console/tickets', { session: s });
    assert.match(queue.text, new RegExp(t.number));
    assert.match(queue.text, /残り1時間30分/);
    assert.match(queue.text, /新規: 1/);
    h.clock.advanceMinutes(120);
    const expired = await h.request('GET', '/console/tickets', { session: s });
    assert.equal(expired.location, '/console/signin', 'idle for 2 hours: signed out');
    const s2 = await h.sessionFor('operator');
    const late = await h.request('GET', '/console/tickets?sla=breached', { session: s2 });
    assert.match(late.text, /期限超過/);
    assert.match(late.text, new RegExp(t.number));
    const detail = await h.request('GET', `/console/tickets/${t.number}`, { session: s2 });
    assert.match(detail.text, /プリンタが動きません/);
    assert.match(detail.text, /name="version" value="1"/);
  });

  it('replies to the requester through the channel and changes status', async () => {
    const t = await h.openTicket();
    const s = await h.sessionFor('operator');
    const reply = await h.request('POST', `/console/tickets/${t.number}/reply`, {
      session: s,
      form: { body: '電源を入れ直してください。' },
    });
    assert.equal(reply.status, 303);
    assert.match(reply.location, /notice=replied/);
    assert.equal(h.web.sent.length, 1);
    assert.match(h.web.sent[0].reply.text, /【ヘルプデスクからの回答】HD-2026-000001\n電源を入れ直してください。/);
    const cur = (await h.ticketStore.get(t.id))!;
    const upd = await h.request('POST', `/console/tickets/${t.number}/update`, {
      session: s,
      form: { version: String(cur.version), status: 'resolved', category: 'プリンタ', assignee: 'op1' },
    });
    assert.equal(upd.status, 303);
    const after = (await h.ticketStore.get(t.id))!;
    assert.equal(after.status, 'resolved');
    assert.equal(after.assignee, 'op1');
    assert.equal(h.web.sent.length, 2);
  });

  it('refuses a stale save with 409 and the Japanese conflict message, overwriting nothing (post/redirect/get)', async () => {
    const t = await h.openTicket();
    const a = await h.sessionFor('operator');
    const b = await h.sessionFor('admin');
    const first = await h.request('POST', `/console/tickets/${t.number}/update`, {
      session: a,
      form: { version: '1', status: 'in_progress', priority: 'high', category: 'プリンタ' },
    });
    assert.equal(first.status, 303);
    const stale = await h.request('POST', `/console/tickets/${t.number}/update`, {
      session: b,
      form: { version: '1', status: 'on_hold', priority: 'low', category: 'プリンタ' },
    });
    assert.equal(stale.status, 303);
    assert.equal(stale.location, `/console/tickets/${t.number}`);
    const shown = await h.request('GET', stale.location, { session: b });
    assert.equal(shown.status, 409);
    assert.equal(alert(shown.text), '他の担当者が先に更新しました。画面を再読み込みしてからやり直してください。');
    const got = (await h.ticketStore.get(t.id))!;
    assert.equal(got.status, 'in_progress');
    assert.equal(got.priority, 'high');
    assert.match(shown.text, /name="version" value="2"/, 'the page shows the current version');
    assert.match(shown.text, /<option value="low"\s+selected>低<\/option>/, 'and what was typed');
    const reread = await h.request('GET', stale.location, { session: b });
    assert.equal(reread.status, 200, 'the error is shown once');
    assert.equal(alert(reread.text), undefined);
  });

  it('shows the incident rule inline', async () => {
    const t = await h.openTicket({ type: 'incident' });
    const s = await h.sessionFor('operator');
    const res = await h.request('POST', `/console/tickets/${t.number}/update`, {
      session: s,
      form: { version: '1', status: 'resolved', type: 'incident', category: 'プリンタ', cause: '紙詰まり' },
    });
    assert.equal(res.status, 303);
    const shown = await h.request('GET', res.location, { session: s });
    assert.equal(shown.status, 400);
    assert.equal(alert(shown.text), '障害チケットを解決するには、対応内容・再発防止策を入力してください。');
    assert.match(shown.text, /<textarea id="u-cause" name="cause" rows="3">紙詰まり<\/textarea>/);
    const other = await h.sessionFor('operator');
    const elsewhere = await h.request('GET', res.location, { session: other });
    assert.equal(elsewhere.status, 200, "another session never sees this operator's failed save");
    assert.equal(alert(elsewhere.text), undefined);
  });

  it('promotes a ticket to a draft FAQ that an admin approves into faq_entry and re-indexes', async () => {
    const t = await h.openTicket();
    const op = await h.sessionFor('operator');
    await h.request('POST', `/console/tickets/${t.number}/reply`, {
      session: op,
      form: { body: 'トナーを交換してください。' },
    });
    const form = await h.request('GET', `/console/tickets/${t.number}/faq`, { session: op });
    assert.match(form.text, /トナーを交換してください。<\/textarea>/);
    assert.match(form.text, /3階のプリンタで印刷できません。<\/textarea>/);
    const saved = await h.request('POST', `/console/tickets/${t.number}/faq`, {
      session: op,
      form: {
        category: 'プリンタ',
        question: '印刷できない',
        answer: 'トナーを交換してください。',
        alternates: 'プリンタが動かない',
      },
    });
    assert.equal(saved.status, 303);
    const [draft] = await h.deps.faqs.list('draft');
    assert.equal(draft.ticketId, t.id);
    assert.equal(h.reindexCalls.length, 0);
    const denied = await h.request('POST', `/console/faqs/${draft.id}/approve`, {
      session: op,
      form: { version: '1' },
    });
    assert.equal(denied.status, 403);
    const admin = await h.sessionFor('admin');
    const ok = await h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } });
    assert.equal(ok.status, 303);
    const rows = await h.db.ds.query(`SELECT status, approvedBy, alternateQuestions FROM faq_entry WHERE id = ?`, [
      draft.id,
    ]);
    assert.deepEqual(rows, [
      { status: 'approved', approvedBy: 'admin1', alternateQuestions: '["プリンタが動かない"]' },
    ]);
    assert.equal(h.reindexCalls.length, 1);
  });

  it('reports a failed re-index but keeps the FAQ an administrator published', async () => {
    // Operators' new FAQs are drafts (issue 15): only an administrator's save publishes and re-indexes.
    const s = await h.sessionFor('admin');
    h.setReindexFails(true);
    const res = await h.request('POST', '/console/faqs', {
      session: s,
      form: { category: 'メール', question: 'Q', answer: 'A', alternates: '' },
    });
    assert.match(res.location, /notice=reindexFailed/);
    assert.equal((await h.deps.faqs.list('approved')).length, 1);
  });

  it('records work logs and refuses an end before the start', async () => {
    const s = await h.sessionFor('operator');
    const bad = await h.request('POST', '/console/worklogs', {
      session: s,
      form: {
        startedAt: '2026-04-01T10:00',
        endedAt: '2026-04-01T09:00',
        operatorName: '田中',
        title: '点検',
        content: '作業',
      },
    });
    assert.equal(bad.status, 400);
    assert.equal(alert(bad.text), '作業終了日時は作業開始日時以降にしてください。');
    const ok = await h.request('POST', '/console/worklogs', {
      session: s,
      form: {
        startedAt: '2026-04-01T09:00',
        endedAt: '2026-04-01T10:30',
        operatorName: '田中',
        title: '定期点検',
        content: 'サーバ室点検',
        remarks: '異常なし',
      },
    });
    assert.equal(ok.status, 303);
    const list = await h.request('GET', '/console/worklogs?from=2026-04-01&to=2026-04-30', { session: s });
    assert.match(list.text, /定期点検/);
    assert.match(list.text, /2026\/04\/01 09:00/);
  });

  it('lists unanswered questions and shows staff only a notice', async () => {
    const conv = await h.conversations.createConversation({ channel: 'web', requester: { department: '税務課' } });
    await h.conversations.recordQuestion({
      conversationId: conv.id,
      askedAt: h.clock.now(),
      text: '確定申告システムの使い方',
      outcome: 'no_answer',
      confidence: 0.1,
      answer: '',
      sources: [],
      channel: 'web',
      requester: { department: '税務課' },
      latencyMs: 5,
    });
    await h.conversations.recordQuestion({
      conversationId: conv.id,
      askedAt: h.clock.now(),
      text: '答えられた質問',
      outcome: 'answered',
      confidence: 0.9,
      answer: 'a',
      sources: [],
      channel: 'web',
      requester: {},
      latencyMs: 5,
    });
    const page = await h.request('GET', '/console/unanswered', { session: await h.sessionFor('operator') });
    assert.match(page.text, /確定申告システムの使い方/);
    assert.doesNotMatch(page.text, /答えられた質問/);
    const staff = await h.request('GET', '/console/', { session: await h.sessionFor('staff') });
    assert.match(staff.text, /職員権限のため、チケットは表示されません/);
    assert.doesNotMatch(staff.text, /チケット一覧<\/a>/);
  });

  it('lets an admin create accounts and escapes user input in pages', async () => {
    const admin = await h.sessionFor('admin');
    const res = await h.request('POST', '/console/accounts', {
      session: admin,
      form: {
        username: 'suzuki',
        displayName: '<script>alert(1)</script>',
        role: 'operator',
        password: 'a-long-password-1',
      },
    });
    assert.equal(res.status, 303);
    const page = await h.request('GET', '/console/accounts', { session: admin });
    assert.match(page.text, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(page.text, /<script>alert/);
  });
});
