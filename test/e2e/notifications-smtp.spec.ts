/**
 * Operator e-mail on the real app: an operator chooses 新しいチケット on 通知設定; a ticket created through
 * the API arrives at the loopback SMTP server with its number and console link.
 */
import assert from 'node:assert/strict';
import { signInConsole } from '../helpers/console-client';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { decodeMail, startLoopbackSmtp } from '../fakes/loopback-smtp';

describe('operator notifications by e-mail on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;

  before(async () => {
    smtp = await startLoopbackSmtp();
    kotae = await startApp({
      KOTAE_SMTP_HOST: '127.0.0.1',
      KOTAE_SMTP_PORT: String(smtp.port),
      KOTAE_SMTP_FROM: 'kotae@example.lg.jp',
      KOTAE_PUBLIC_URL: 'https://kotae.example.lg.jp',
    });
    await kotae.app.operators.accounts.create(
      { username: 'sato', displayName: '佐藤 オペ', role: 'operator', password: 'sato-password-long-1' },
      'test',
    );
  });
  after(async () => {
    await kotae?.stop();
    await smtp?.close();
  });

  it('mails a new ticket with its number and console link to the operator who chose it', async () => {
    const sato = await signInConsole(kotae.url, 'sato', 'sato-password-long-1');
    const saved = await sato.post(
      '/console/account/notifications',
      { email: 'sato@example.lg.jp', ev_ticket_created: '1' },
      '/console/account/notifications',
    );
    assert.equal(saved.status, 303);
    const page = await sato.get('/console/account/notifications');
    assert.match(page.text, /value="sato@example.lg.jp"/);

    const ask = await postJson(`${kotae.url}/api/ask`, { question: 'プリンタが印刷できない' });
    const created = await postJson(
      `${kotae.url}/api/tickets`,
      {
        conversationId: ask.body.conversationId,
        details: '3階の複合機で印刷できません',
        user: { name: '試験 花子', department: '情報政策課', phone: '内線 2345' },
      },
      { 'x-kotae-conversation-token': ask.body.conversationToken },
    );
    assert.equal(created.status, 201);
    const number = created.body.number as string;
    const started = Date.now();
    while (smtp.received.length === 0 && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 100));
    assert.equal(smtp.received.length, 1);
    assert.deepEqual(smtp.received[0]!.to, ['sato@example.lg.jp']);
    const mail = decodeMail(smtp.received[0]!.raw);
    assert.match(mail.subject, new RegExp(`^【Kotae】新しいチケット ${number}: `));
    assert.match(mail.text, new RegExp(`https://kotae\\.example\\.lg\\.jp/console/tickets/${number}`));
  });
});
