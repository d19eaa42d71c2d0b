/**
 * Every FAQ in the console, whatever its origin, and approval enforced on the server (issue 15
 * point 2): operators' saves are drafts, an edit of a published FAQ is a new draft until an
 * administrator approves it, a sheet's FAQ edited in the console becomes an override, two approvals
 * of one draft publish one version (the second gets 409), a promoted draft loses the requester's name.
 */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

const alert = (page: string) => /<p class="error" role="alert">([^<]*)<\/p>/.exec(page)?.[1];

describe('console FAQs of every origin and their approval', () => {
  let h: ConsoleHarness;
  beforeEach(async () => {
    h = await startConsole();
  });
  afterEach(() => h.close());

  it('lists the sheet FAQs with their origin beside the console FAQs, and searches them', async () => {
    await h.deps.faqs.createApproved(
      {
        category: 'メール',
        question: '迷惑メールが多い',
        alternateQuestions: [],
        answer: '迷惑メール設定を見直します。',
      },
      'admin1',
    );
    const op = await h.sessionFor('operator');
    const all = await h.request('GET', '/console/faqs', { session: op });
    assert.equal(all.status, 200);
    assert.match(all.text, /<p>2件<\/p>/);
    assert.match(all.text, /ファイル<br \/><small>faq.csv<\/small>/);
    assert.match(all.text, /<td>コンソール<\/td>/);
    const found = await h.request('GET', `/console/faqs?q=${encodeURIComponent('パスワード')}`, { session: op });
    assert.match(found.text, /<p>1件<\/p>/);
    assert.match(found.text, /パスワードを忘れました/);
    assert.doesNotMatch(found.text, /迷惑メール/);
  });

  it("keeps an operator's edit of a file FAQ as a draft until an admin approves it as an override", async () => {
    const op = await h.sessionFor('operator');
    const page = await h.request('GET', '/console/faqs/indexed?id=FAQ-0001', { session: op });
    assert.equal(page.status, 200);
    assert.match(page.text, /ファイル「faq.csv」から取り込まれています。ここで保存した内容は上書きとして/);
    const saved = await h.request('POST', '/console/faqs/indexed', {
      session: op,
      form: {
        faqId: 'FAQ-0001',
        category: 'アカウント',
        question: 'パスワードを忘れました',
        answer: '新しい手順で再設定します。',
      },
    });
    assert.equal(saved.status, 303);
    assert.equal(saved.location, '/console/faqs/drafts?notice=faqDraft');
    assert.equal(h.reindexCalls.length, 0);
    const [draft] = await h.deps.faqs.list('draft');
    assert.deepEqual([draft.origin, draft.sourceKey, draft.status], ['file', 'FAQ-0001', 'draft']);
    let [item] = await h.deps.faqs.catalogue('パスワード');
    assert.equal(item.content.answer, '情報政策課でパスワードを再設定します。');
    assert.equal(item.pendingDrafts, 1);
    const admin = await h.sessionFor('admin');
    const ok = await h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } });
    assert.equal(ok.status, 303);
    assert.equal(h.reindexCalls.length, 1);
    [item] = await h.deps.faqs.catalogue('パスワード');
    assert.equal(item.content.answer, '新しい手順で再設定します。');
    assert.equal(item.overridden, true);
    assert.equal(item.pendingDrafts, 0);
    const view = await h.request('GET', '/console/faqs/indexed?id=FAQ-0001', { session: op });
    assert.match(view.text, /現在はコンソールで編集した内容を回答に使っています。/);
  });

  it("makes an operator's edit of a published FAQ a new draft; the published text serves until approval", async () => {
    const { entry } = await h.deps.faqs.createApproved(
      { category: 'メール', question: 'メールが送れない', alternateQuestions: [], answer: '再起動してください。' },
      'admin1',
    );
    const op = await h.sessionFor('operator');
    const res = await h.request('POST', `/console/faqs/${entry!.id}`, {
      session: op,
      form: {
        version: '1',
        category: 'メール',
        question: 'メールが送れない',
        answer: '送信サーバーを確認してください。',
      },
    });
    assert.equal(res.status, 303);
    const published = await h.deps.faqs.get(entry!.id);
    assert.deepEqual([published.answer, published.version], ['再起動してください。', 1]);
    const [draft] = await h.deps.faqs.list('draft');
    assert.equal(draft.replacesId, entry!.id);
    const admin = await h.sessionFor('admin');
    await h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } });
    const after = await h.deps.faqs.get(entry!.id);
    assert.deepEqual(
      [after.answer, after.version, after.approvedBy],
      ['送信サーバーを確認してください。', 2, 'admin1'],
    );
    assert.equal((await h.deps.faqs.list()).length, 1);
  });

  it('creates an operator FAQ as a draft, never published', async () => {
    const op = await h.sessionFor('operator');
    const res = await h.request('POST', '/console/faqs', {
      session: op,
      form: { category: 'メール', question: 'Q', answer: 'A', alternates: '' },
    });
    assert.equal(res.location, '/console/faqs/drafts?notice=faqDraft');
    assert.equal((await h.deps.faqs.list('approved')).length, 0);
    assert.equal((await h.deps.faqs.list('draft')).length, 1);
    assert.equal(h.reindexCalls.length, 0);
  });

  it('publishes one version when two administrators approve the same draft; the other gets 409', async () => {
    const draft = await h.deps.faqs.saveDraft(
      { category: 'メール', question: '質問', alternateQuestions: [], answer: '回答' },
      undefined,
      'op1',
    );
    const admin = await h.sessionFor('admin');
    const results = await Promise.all(
      [0, 1].map(() =>
        h.request('POST', `/console/faqs/${draft.id}/approve`, { session: admin, form: { version: '1' } }),
      ),
    );
    assert.deepEqual(results.map((r) => r.status).sort(), [303, 409]);
    const lost = results.find((r) => r.status === 409)!;
    assert.ok(alert(lost.text));
    const [entry] = await h.deps.faqs.list();
    assert.deepEqual([entry.status, entry.version], ['approved', 2]);
    assert.equal(h.reindexCalls.length, 1);
  });

  it('strips the requester name and the personal greeting from a promoted draft', async () => {
    const t = await h.openTicket();
    const op = await h.sessionFor('operator');
    await h.request('POST', `/console/tickets/${t.number}/reply`, {
      session: op,
      form: {
        body: '山田 花子様\nお疲れ様です。情報政策課の小川です。\nトナーを交換してください。\nよろしくお願いいたします。',
      },
    });
    const form = await h.request('GET', `/console/tickets/${t.number}/faq`, { session: op });
    assert.match(form.text, /name="answer" rows="8" required>トナーを交換してください。<\/textarea>/);
    assert.doesNotMatch(form.text, /山田|お疲れ様|よろしく/);
    await h.request('POST', `/console/tickets/${t.number}/faq`, {
      session: op,
      form: {
        category: 'プリンタ',
        question: '印刷できない',
        answer: '山田様\nお世話になっております。\nトナーを交換してください。',
      },
    });
    const [draft] = await h.deps.faqs.list('draft');
    assert.deepEqual([draft.origin, draft.answer], ['ticket', 'トナーを交換してください。']);
  });
});
