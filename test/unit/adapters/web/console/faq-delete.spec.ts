/**
 * Deleting a published FAQ follows the approval rule of every other change: an administrator's delete applies at
 * once; an operator's delete of a published console FAQ or of an override is a request (a draft, 「削除の申請」)
 * that changes nothing until an administrator approves it (the FAQ is deleted, audited as faq.delete) or rejects
 * it (faq.delete_rejected, the FAQ stays). An operator's own draft is still deleted at once.
 */
import assert from 'node:assert/strict';
import type { FaqEntry } from '../../../../../tickets';
import { startConsole, type ConsoleHarness } from './console-harness';
import { auditHead, faqAuditSince } from './faq-audit';

const alert = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];
const notice = (page: string) => /<p class="notice"[^>]*>([^<]*)<\/p>/.exec(page)?.[1];

describe('console FAQs: delete, an operator’s as a request', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  const published = async (): Promise<FaqEntry> =>
    (
      await h.deps.faqs.createApproved(
        { category: 'メール', question: 'メールが送れない', alternateQuestions: [], answer: '再起動してください。' },
        'admin1',
      )
    ).entry!;
  const del = async (role: 'admin' | 'operator' | 'auditor', id: string, version = '1') =>
    h.request('POST', `/console/faqs/${id}/delete`, { session: await h.sessionFor(role), form: { version } });
  const approve = async (id: string) =>
    h.request('POST', `/console/faqs/${id}/approve`, { session: await h.sessionFor('admin'), form: { version: '1' } });

  /** An operator's request to delete `entry`: the redirect, and the request (the only draft). */
  const request = async (entry: FaqEntry) => {
    const res = await del('operator', entry.id);
    assert.deepEqual([res.status, res.location], [303, '/console/faqs/drafts?notice=faqDeleteRequested']);
    const drafts = await h.deps.faqs.list('draft');
    assert.equal(drafts.length, 1);
    return drafts[0]!;
  };

  it("keeps an operator's delete of a published FAQ as a request; the approval deletes it", async () => {
    const entry = await published();
    const before = await auditHead(h);
    const draft = await request(entry);
    assert.deepEqual(
      [draft.replacesId, draft.deleteRequestedAt !== undefined, draft.createdBy, draft.answer],
      [entry.id, true, 'op1', '再起動してください。'],
    );
    const kept = await h.deps.faqs.get(entry.id);
    assert.deepEqual([kept.status, kept.answer, kept.version], ['approved', '再起動してください。', 1]);
    assert.equal(h.reindexCalls.length, 1); // the administrator's publication only
    assert.deepEqual(await faqAuditSince(h, before), ['op1 faq.draft']);
    const listed = async () => (await h.deps.faqs.catalogue()).map((i) => `${i.key} ${i.pendingDrafts}`);
    assert.deepEqual(await listed(), ['indexed:FAQ-0001 0', `entry:${entry.id} 1`]);

    const op = await h.request('GET', '/console/faqs/drafts?notice=faqDeleteRequested', {
      session: await h.sessionFor('operator'),
    });
    assert.equal(
      notice(op.text),
      '削除を申請しました。管理者の承認後に削除されます。それまでは現在の内容で回答します。',
    );
    assert.match(op.text, /<small>削除の申請<\/small>/);
    assert.match(op.text, /<button type="submit">申請を取り下げる<\/button>/);
    assert.doesNotMatch(op.text, /承認して削除|却下/);
    const admin = await h.request('GET', '/console/faqs/drafts', { session: await h.sessionFor('admin') });
    assert.match(admin.text, /data-confirm="このFAQを削除します。よろしいですか？"/);
    assert.match(admin.text, /<button type="submit">承認して削除<\/button>/);
    assert.match(admin.text, /<button type="submit">却下（削除しない）<\/button>/);
    assert.doesNotMatch(admin.text, new RegExp(`/faqs/${draft.id}/edit`));

    const ok = await approve(draft.id);
    assert.deepEqual([ok.status, ok.location], [303, '/console/faqs?notice=faqDeleted']);
    assert.deepEqual(await h.deps.faqs.list(), []);
    assert.deepEqual(await faqAuditSince(h, before), ['admin1 faq.delete', 'op1 faq.draft']);
    const [row] = (await h.audit.recent(1)).filter((r) => r.action === 'faq.delete');
    assert.deepEqual([row!.target, row!.detail], [entry.id, { request: draft.id, requestedBy: 'op1' }]);
    assert.equal(h.reindexCalls.length, 2);
    assert.deepEqual(await listed(), ['indexed:FAQ-0001 0']);
    const again = await approve(draft.id);
    assert.equal(again.status, 409);
  });

  it("keeps an operator's delete of an override as a request; the approval brings the sheet's text back", async () => {
    await h.deps.faqs.editIndexed(
      'FAQ-0001',
      { category: 'アカウント', question: 'パスワードを忘れました', alternateQuestions: [], answer: '編集した回答' },
      { username: 'admin1', canPublish: true },
    );
    const page = await h.request('GET', '/console/faqs/indexed?id=FAQ-0001', {
      session: await h.sessionFor('operator'),
    });
    assert.match(
      page.text,
      /<button type="submit" class="danger">上書きの削除を申請（ファイルの内容に戻す）<\/button>/,
    );
    const [override] = await h.deps.faqs.list('approved');
    const before = await auditHead(h);
    const reindexed = h.reindexCalls.length;
    const draft = await request(override!);
    assert.deepEqual([draft.sourceKey, draft.origin], ['FAQ-0001', 'file']);
    let [item] = await h.deps.faqs.catalogue();
    assert.deepEqual([item!.overridden, item!.content.answer, item!.pendingDrafts], [true, '編集した回答', 1]);
    assert.equal(h.reindexCalls.length, reindexed);
    await approve(draft.id);
    assert.deepEqual(await faqAuditSince(h, before), ['admin1 faq.delete', 'op1 faq.draft']);
    [item] = await h.deps.faqs.catalogue();
    assert.deepEqual(
      [item!.overridden, item!.content.answer, item!.pendingDrafts],
      [false, '情報政策課でパスワードを再設定します。', 0],
    );
    assert.deepEqual(await h.deps.faqs.list(), []);
    assert.equal(h.reindexCalls.length, reindexed + 1);
  });

  it('rejects (administrator) or withdraws (operator) a request, changing nothing of the FAQ', async () => {
    const entry = await published();
    for (const [role, key, text] of [
      ['admin', 'faqDeleteRejected', '削除の申請を却下しました。FAQは削除されていません。'],
      ['operator', 'faqDeleteWithdrawn', '削除の申請を取り下げました。FAQは削除されていません。'],
    ] as const) {
      const draft = await request(entry);
      const before = await auditHead(h);
      const res = await del(role, draft.id);
      assert.deepEqual([res.status, res.location], [303, `/console/faqs/drafts?notice=${key}`]);
      const page = await h.request('GET', res.location!, { session: await h.sessionFor(role) });
      assert.equal(notice(page.text), text);
      assert.deepEqual(await faqAuditSince(h, before), [`${role === 'admin' ? 'admin1' : 'op1'} faq.delete_rejected`]);
      const kept = await h.deps.faqs.get(entry.id);
      assert.deepEqual([kept.status, kept.answer, kept.version], ['approved', '再起動してください。', 1]);
      assert.deepEqual((await h.deps.faqs.list()).length, 1);
    }
    assert.equal(h.reindexCalls.length, 1);
  });

  it("applies an administrator's delete at once; an operator's own draft is deleted at once", async () => {
    const entry = await published();
    let before = await auditHead(h);
    const res = await del('admin', entry.id);
    assert.deepEqual([res.status, res.location], [303, '/console/faqs?notice=faqDeleted']);
    assert.deepEqual(await faqAuditSince(h, before), ['admin1 faq.delete']);
    assert.deepEqual([await h.deps.faqs.list(), h.reindexCalls.length], [[], 2]);
    const op = await h.sessionFor('operator');
    await h.request('POST', '/console/faqs', { session: op, form: { category: 'メール', question: 'Q', answer: 'A' } });
    const [draft] = await h.deps.faqs.list('draft');
    before = await auditHead(h);
    const own = await del('operator', draft!.id);
    assert.deepEqual([own.status, own.location], [303, '/console/faqs?notice=faqDeleted']);
    assert.deepEqual(await faqAuditSince(h, before), ['op1 faq.delete']);
    assert.deepEqual([await h.deps.faqs.list(), h.reindexCalls.length], [[], 2]);
  });

  it('deletes once when two administrators approve the same request; the other gets 409', async () => {
    const draft = await request(await published());
    const before = await auditHead(h);
    const results = await Promise.all([0, 1].map(() => approve(draft.id)));
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    assert.deepEqual(await faqAuditSince(h, before), ['admin1 faq.delete']);
    assert.deepEqual(await h.deps.faqs.list(), []);
    assert.equal(h.reindexCalls.length, 2);
  });

  it('refuses a POST without the CSRF token, an auditor, an operator approving and a stale version', async () => {
    const entry = await published();
    const noCsrf = await h.request('POST', `/console/faqs/${entry.id}/delete`, {
      session: await h.sessionFor('operator'),
      form: { version: '1' },
      csrf: null,
    });
    assert.equal(noCsrf.status, 403);
    const auditor = await del('auditor', entry.id);
    assert.deepEqual([auditor.status, alert(auditor.text)], [403, 'この操作を行う権限がありません。']);
    const stale = await del('operator', entry.id, '2');
    assert.deepEqual([stale.status, alert(stale.text)?.startsWith('他の担当者が先に更新しました。')], [409, true]);
    assert.deepEqual(await h.deps.faqs.list('draft'), []);
    const draft = await request(entry);
    const opApprove = await h.request('POST', `/console/faqs/${draft.id}/approve`, {
      session: await h.sessionFor('operator'),
      form: { version: '1' },
    });
    assert.equal(opApprove.status, 403);
    assert.deepEqual((await h.deps.faqs.list()).map((e) => e.status).sort(), ['approved', 'draft']);
    assert.equal(h.reindexCalls.length, 1);
  });

  it("offers the delete on a published console FAQ's page: 削除 for an administrator, 削除を申請 for an operator", async () => {
    const entry = await published();
    const form = (page: string) =>
      new RegExp(
        `<form method="post" action="/console/faqs/${entry.id}/delete" data-confirm="削除する">[\\s\\S]*?name="version"[\\s\\S]*?value="1"[\\s\\S]*?<button type="submit" class="danger">([^<]*)</button>`,
      ).exec(page)?.[1];
    const page = async (role: 'admin' | 'operator') =>
      (await h.request('GET', `/console/faqs/${entry.id}/edit`, { session: await h.sessionFor(role) })).text;
    assert.equal(form(await page('admin')), 'このFAQを削除');
    assert.equal(form(await page('operator')), 'このFAQの削除を申請');
    // A draft's page has no such button (its own delete is on 承認待ち).
    await request(entry);
    const [draft] = await h.deps.faqs.list('draft');
    const draftPage = (
      await h.request('GET', `/console/faqs/${draft!.id}/edit`, { session: await h.sessionFor('operator') })
    ).text;
    assert.equal(form(draftPage), undefined);
    assert.doesNotMatch(draftPage, new RegExp(`/faqs/${draft!.id}/delete"`));
  });
});
