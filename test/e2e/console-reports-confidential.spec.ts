/**
 * The conversation log (CSV) and 未回答の質問 on the real app follow the 機密性3 rule of the ticket pages: an operator
 * who is not on the roster gets neither the question nor the number of a 機密性3 ticket's conversation,
 * a rostered operator and an administrator get them; each download is audited once.
 */
import assert from 'node:assert/strict';
import { jstDateKey } from '../../calendar';
import { signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { csvRows } from '../unit/reports/external-tools';

describe('console conversation log: 機密性3 on the real app', function () {
  this.timeout(90_000);
  let kotae: RunningApp;
  let admin: ConsoleSession;
  let number: string;
  const password = 'report-confidential-password-1';
  const day = (offsetDays: number) => jstDateKey(new Date(Date.now() + offsetDays * 86_400_000));

  before(async () => {
    kotae = await startApp();
    for (const username of ['op1', 'op2'])
      await kotae.app.operators.accounts.create(
        { username, displayName: username, role: 'operator', password },
        'test',
      );
    const { helpdesk } = kotae.app;
    const secret = await helpdesk.ask({ channel: 'web', text: '人事評価シートの閲覧権限を変更したい' });
    const { ticket } = await helpdesk.escalate({
      conversationId: secret.conversationId,
      details: '人事評価の件',
      requester: { name: '職員', department: '市民課' },
    });
    number = ticket.number;
    await helpdesk.ask({ channel: 'web', text: 'プリンタの紙詰まりを直したい' });
    admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const marked = await admin.post(
      `/console/tickets/${number}/confidential`,
      { confidential: 'on' },
      `/console/tickets/${number}`,
    );
    assert.equal(marked.status, 303);
    const rostered = await admin.post(
      '/console/roster',
      { username: 'op2', from: day(-1), to: day(30), approver: '情報政策課長 佐藤 一郎', note: '' },
      '/console/roster',
    );
    assert.equal(rostered.status, 303);
  });
  after(() => kotae?.stop());

  const log = async (session: ConsoleSession) => {
    const res = await session.get(`/console/reports/conversation-log.csv?from=${day(-2)}&to=${day(0)}`);
    assert.equal(res.status, 200);
    return csvRows(res.text)
      .slice(1)
      .map((r) => [r[2], r[3], r[7]]);
  };

  it('leaves the 機密性3 conversation out for a non-rostered operator and shows it to the rostered and admins', async () => {
    const op1 = await signInConsole(kotae.url, 'op1', password);
    assert.equal((await op1.get(`/console/tickets/${number}`)).status, 404);
    const hidden = await log(op1);
    assert.deepEqual(hidden, [['所属不明', 'プリンタの紙詰まりを直したい', '']]);
    const all = [
      ['市民課', '人事評価シートの閲覧権限を変更したい', number],
      ['所属不明', 'プリンタの紙詰まりを直したい', ''],
    ];
    assert.deepEqual(await log(await signInConsole(kotae.url, 'op2', password)), all);
    assert.deepEqual(await log(admin), all);

    const exports = (await kotae.app.operators.audit.recent(50))
      .filter((r) => r.action === 'export.report')
      .reverse()
      .map((r) => [r.actor, r.target, r.detail?.rows, r.detail?.complete]);
    const target = `conversation-log-${day(-2).slice(2).replace(/-/g, '')}-${day(0).slice(2).replace(/-/g, '')}`;
    assert.deepEqual(exports, [
      ['op1', target, 1, true],
      ['op2', target, 2, true],
      ['admin', target, 2, true],
    ]);
  });

  it("lists the 機密性3 conversation's unanswered question on 未回答の質問 only for those who may see the ticket", async () => {
    const outcomes = (await kotae.app.dataSource.query(`SELECT "text", "outcome" FROM "question"`)) as {
      text: string;
      outcome: string;
    }[];
    const secret = outcomes.find((q) => q.text.startsWith('人事評価シート'));
    assert.ok(secret && ['no_answer', 'clarify'].includes(secret.outcome), JSON.stringify(outcomes));
    const page = async (session: ConsoleSession) => {
      const res = await session.get('/console/unanswered');
      assert.equal(res.status, 200);
      return res.text.includes('人事評価シートの閲覧権限を変更したい');
    };
    assert.equal(await page(await signInConsole(kotae.url, 'op1', password)), false);
    assert.equal(await page(await signInConsole(kotae.url, 'op2', password)), true);
    assert.equal(await page(admin), true);
  });
});
