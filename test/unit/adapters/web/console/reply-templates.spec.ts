/** Canned replies: admins manage them; on a ticket the chosen one fills the reply box with 氏名・受付番号・担当者. */
import assert from 'node:assert/strict';
import { startConsole, type ConsoleHarness } from './console-harness';

describe('console reply templates', () => {
  let h: ConsoleHarness;
  before(async () => {
    h = await startConsole();
  });
  after(() => h.close());

  it('lets an admin add a template and fills it into the reply box of a ticket', async () => {
    const admin = await h.sessionFor('admin');
    const added = await h.request('POST', '/console/templates', {
      session: admin,
      form: {
        name: 'トナー交換',
        body: '{氏名}様\n受付番号 {受付番号} について、担当の{担当者}がトナーを交換しました。',
      },
    });
    assert.equal(added.status, 303);
    const [template] = await h.deps.templates.list();
    const ticket = await h.openTicket();
    const op = await h.sessionFor('operator');
    await h.deps.tickets.update(ticket.id, ticket.version, { assignee: 'op1' }, 'op1');
    const page = await h.request('GET', `/console/tickets/${ticket.number}?template=${template!.id}`, { session: op });
    assert.equal(page.status, 200);
    const box = /<textarea id="reply-body" name="body" rows="5">([\s\S]*?)<\/textarea>/.exec(page.text)?.[1];
    assert.equal(box, `山田 花子様\n受付番号 ${ticket.number} について、担当のoperatorさんがトナーを交換しました。`);
  });

  it('refuses an empty name or body with a Japanese message, keeping what was typed; operators may not manage', async () => {
    const admin = await h.sessionFor('admin');
    const bad = await h.request('POST', '/console/templates', { session: admin, form: { name: '', body: '本文だけ' } });
    assert.equal(bad.status, 400);
    assert.match(bad.text, /テンプレート名を入力してください（100文字以内）。/);
    assert.match(bad.text, />本文だけ<\/textarea>/);
    const op = await h.sessionFor('operator');
    assert.equal((await h.request('GET', '/console/templates', { session: op })).status, 403);
  });
});
