/**
 * Retiring an FAQ without deleting it (「回答に使わない（非公開にする）」): a sheet's FAQ is hidden by a hidden
 * override of its id, a console FAQ by its flag; an administrator's change applies and is audited
 * (faq.hidden / faq.unhidden), an operator's is a request (a draft) an administrator approves; 「公開に戻す」
 * brings the sheet's text back. The list shows a 非公開 badge and filters by 公開状態.
 */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';
import { auditHead, faqAuditSince } from './faq-audit';

const alert = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];
const BADGE = '<span class="badge faq-hidden">非公開</span>';

describe('console FAQs: hide (非公開) and publish again', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  const auditSince = (head: number) => faqAuditSince(h, head);
  const head = () => auditHead(h);
  const hideSheetFaq = async (role: 'admin' | 'operator', hidden = '1') =>
    h.request('POST', '/console/faqs/indexed/visibility', {
      session: await h.sessionFor(role),
      form: { faqId: 'FAQ-0001', hidden },
    });

  it('hides a sheet FAQ at once for an administrator: one audit row, the badge, the filter, a hidden override', async () => {
    const page = await h.request('GET', '/console/faqs/indexed?id=FAQ-0001', { session: await h.sessionFor('admin') });
    assert.match(page.text, /<button type="submit" ?class="danger">回答に使わない（非公開にする）<\/button>/);
    const before = await head();
    const res = await hideSheetFaq('admin');
    assert.deepEqual([res.status, res.location], [303, '/console/faqs?notice=faqHidden']);
    assert.deepEqual(await auditSince(before), ['admin1 faq.hidden']);
    assert.equal(h.reindexCalls.length, 1);
    const [entry] = await h.deps.faqs.list();
    assert.deepEqual(
      [entry.status, entry.sourceKey, entry.origin, entry.hiddenAt !== undefined, entry.answer],
      ['approved', 'FAQ-0001', 'file', true, '情報政策課でパスワードを再設定します。'],
    );
    const admin = await h.sessionFor('admin');
    const list = await h.request('GET', '/console/faqs?notice=faqHidden', { session: admin });
    assert.equal(list.text.split(BADGE).length - 1, 1);
    assert.match(list.text, /FAQを非公開にしました。ボットはこのFAQで回答しません。/);
    const hiddenOnly = await h.request('GET', '/console/faqs?state=hidden', { session: admin });
    assert.match(hiddenOnly.text, /<p>1件<\/p>/);
    const publishedOnly = await h.request('GET', '/console/faqs?state=published', { session: admin });
    assert.match(publishedOnly.text, /<p>FAQはありません。<\/p>/);
    assert.doesNotMatch(publishedOnly.text, /パスワードを忘れました/);
    const view = await h.request('GET', '/console/faqs/indexed?id=FAQ-0001', { session: admin });
    assert.match(view.text, /このFAQは非公開です。取り込み元のファイルを次に取り込んでも非公開のままです。/);
    assert.match(view.text, /<button type="submit" ?>公開に戻す<\/button>/);
    assert.doesNotMatch(view.text, /上書きを削除/);
    const again = await hideSheetFaq('admin');
    assert.deepEqual([again.status, alert(again.text)], [409, 'このFAQはすでに非公開です（回答に使っていません）。']);
  });

  it("keeps an operator's hide as a request until an administrator approves it", async () => {
    const before = await head();
    const res = await hideSheetFaq('operator');
    assert.deepEqual([res.status, res.location], [303, '/console/faqs/drafts?notice=faqHideRequested']);
    assert.equal(h.reindexCalls.length, 0);
    const [item] = await h.deps.faqs.catalogue();
    assert.deepEqual([item.hidden, item.overridden, item.pendingDrafts], [false, false, 1]);
    const admin = await h.sessionFor('admin');
    const drafts = await h.request('GET', '/console/faqs/drafts', { session: admin });
    assert.match(drafts.text, /<small>非公開の申請<\/small>/);
    const [draft] = await h.deps.faqs.list('draft');
    const ok = await h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } });
    assert.equal(ok.status, 303);
    assert.deepEqual(await auditSince(before), ['admin1 faq.hidden', 'op1 faq.draft']);
    assert.equal(h.reindexCalls.length, 1);
    const [hidden] = await h.deps.faqs.catalogue();
    assert.deepEqual([hidden.hidden, hidden.pendingDrafts], [true, 0]);
  });

  it('publishes a sheet FAQ again: an operator requests it, the approval brings the sheet text back', async () => {
    await hideSheetFaq('admin');
    const before = await head();
    const res = await hideSheetFaq('operator', '0');
    assert.deepEqual([res.status, res.location], [303, '/console/faqs/drafts?notice=faqDraft']);
    assert.equal((await h.deps.faqs.catalogue())[0].hidden, true);
    const admin = await h.sessionFor('admin');
    assert.match(
      (await h.request('GET', '/console/faqs/drafts', { session: admin })).text,
      /<small>公開に戻す申請<\/small>/,
    );
    const [draft] = await h.deps.faqs.list('draft');
    await h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } });
    assert.deepEqual(await auditSince(before), ['admin1 faq.unhidden', 'op1 faq.draft']);
    assert.deepEqual(await h.deps.faqs.list(), []);
    const [item] = await h.deps.faqs.catalogue();
    assert.deepEqual(
      [item.hidden, item.overridden, item.content.answer],
      [false, false, '情報政策課でパスワードを再設定します。'],
    );
    assert.equal(h.reindexCalls.length, 2);
  });

  it("hides an edited sheet FAQ keeping the edit; an administrator's 公開に戻す returns to the sheet text", async () => {
    await h.deps.faqs.editIndexed(
      'FAQ-0001',
      { category: 'アカウント', question: 'パスワードを忘れました', alternateQuestions: [], answer: '編集した回答' },
      { username: 'admin1', canPublish: true },
    );
    await hideSheetFaq('admin');
    let [item] = await h.deps.faqs.catalogue();
    assert.deepEqual([item.hidden, item.content.answer], [true, '編集した回答']);
    const back = await hideSheetFaq('admin', '0');
    assert.deepEqual([back.status, back.location], [303, '/console/faqs?notice=faqUnhidden']);
    [item] = await h.deps.faqs.catalogue();
    assert.deepEqual(
      [item.hidden, item.overridden, item.content.answer],
      [false, false, '情報政策課でパスワードを再設定します。'],
    );
  });

  it('hides and publishes again a console FAQ from its page, keeping its text', async () => {
    const { entry } = await h.deps.faqs.createApproved(
      { category: 'メール', question: 'メールが送れない', alternateQuestions: [], answer: '再起動してください。' },
      'admin1',
    );
    const admin = await h.sessionFor('admin');
    const page = await h.request('GET', `/console/faqs/${entry!.id}/edit`, { session: admin });
    assert.match(page.text, /回答に使わない（非公開にする）/);
    const hide = await h.request('POST', `/console/faqs/${entry!.id}/visibility`, {
      session: admin,
      form: { version: '1', hidden: '1' },
    });
    assert.equal(hide.location, '/console/faqs?notice=faqHidden');
    assert.deepEqual(
      [(await h.deps.faqs.get(entry!.id)).hiddenAt !== undefined, (await h.deps.faqs.get(entry!.id)).version],
      [true, 2],
    );
    const stale = await h.request('POST', `/console/faqs/${entry!.id}/visibility`, {
      session: admin,
      form: { version: '1', hidden: '0' },
    });
    assert.equal(stale.status, 409);
    await h.request('POST', `/console/faqs/${entry!.id}/visibility`, {
      session: admin,
      form: { version: '2', hidden: '0' },
    });
    const shown = await h.deps.faqs.get(entry!.id);
    assert.deepEqual([shown.hiddenAt, shown.answer, shown.version], [undefined, '再起動してください。', 3]);
  });

  it('refuses a POST without the CSRF token, an auditor (403) and a bad value, changing nothing', async () => {
    const noCsrf = await h.request('POST', '/console/faqs/indexed/visibility', {
      session: await h.sessionFor('admin'),
      form: { faqId: 'FAQ-0001', hidden: '1' },
      csrf: null,
    });
    assert.equal(noCsrf.status, 403);
    const auditor = await h.request('POST', '/console/faqs/indexed/visibility', {
      session: await h.sessionFor('auditor'),
      form: { faqId: 'FAQ-0001', hidden: '1' },
    });
    assert.deepEqual([auditor.status, alert(auditor.text)], [403, 'この操作を行う権限がありません。']);
    const bad = await hideSheetFaq('admin', 'yes');
    assert.equal(bad.status, 400);
    const unknown = await h.request('POST', '/console/faqs/indexed/visibility', {
      session: await h.sessionFor('admin'),
      form: { faqId: 'FAQ-9999', hidden: '1' },
    });
    assert.equal(unknown.status, 404);
    assert.deepEqual(await h.deps.faqs.list(), []);
    assert.equal(h.reindexCalls.length, 0);
  });
});
