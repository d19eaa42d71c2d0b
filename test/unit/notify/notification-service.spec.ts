/** Notifications through a loopback SMTP server: sent once per event, retried, listed as failed; the action never fails. */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlTicketStore } from '../../../db';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../db/repositories/sql-notification-store';
import { NotificationService, NotifyingTicketStore, SmtpEmailSender } from '../../../notify';
import { newTicket } from '../../contracts/ticket-store.contract';
import { decodeMail, startLoopbackSmtp } from '../../fakes/loopback-smtp';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

describe('NotificationService with SMTP', () => {
  let db: TempSqlite;
  const clock = new FakeClock('2026-04-01T01:00:00Z');
  beforeEach(async () => {
    db = await tempSqlite();
  });
  afterEach(() => db.close());

  async function setup(port: number) {
    const settings = new SqlNotificationSettings(db.ds);
    await settings.save({ username: 'sato', email: 'sato@example.lg.jp', events: ['ticket_created'] }, clock.now());
    await settings.save({ username: 'kato', email: 'kato@example.lg.jp', events: ['sla_breached'] }, clock.now());
    const sender = new SmtpEmailSender({
      host: '127.0.0.1',
      port,
      secure: false,
      requireTls: false,
      from: 'kotae@example.lg.jp',
      timeoutMs: 2000,
    });
    const service = new NotificationService({
      store: new SqlNotificationStore(db.ds),
      settings,
      senders: [sender],
      operators: async () => [
        { username: 'sato', role: 'operator', disabled: false },
        { username: 'kato', role: 'operator', disabled: false },
      ],
      clock,
      logger: new MemoryLogger(),
      maxAttempts: 2,
      retryDelayMs: () => 60_000,
    });
    const link = (n: string) => `https://kotae.example.lg.jp/console/tickets/${n}`;
    const store = new NotifyingTicketStore(
      new SqlTicketStore(db.ds, () => clock.now()),
      (e) => service.publish(e),
      link,
    );
    return { service, store, sender };
  }

  it('mails a new ticket once, with its number and console link, to the operator who chose it', async () => {
    const smtp = await startLoopbackSmtp();
    const { service, store, sender } = await setup(smtp.port);
    try {
      const ticket = await store.create(newTicket({ title: 'VPNに接続できない' }), 'bot');
      await service.flush();
      await store.create({ ...newTicket(), sourceActivityId: undefined }, 'bot');
      await service.flush();
      const mails = smtp.received.filter((m) => decodeMail(m.raw).subject.includes(ticket.number));
      assert.equal(mails.length, 1);
      assert.deepEqual(mails[0]!.to, ['sato@example.lg.jp']);
      const mail = decodeMail(mails[0]!.raw);
      assert.equal(mail.subject, `【Kotae】新しいチケット ${ticket.number}: VPNに接続できない`);
      assert.match(mail.text, new RegExp(`https://kotae.example.lg.jp/console/tickets/${ticket.number}`));
      assert.deepEqual(await service.troubled(), []);
    } finally {
      sender.close();
      await smtp.close();
    }
  });

  it('keeps the ticket when the SMTP server is down; retries, then lists the notification as failed', async () => {
    const smtp = await startLoopbackSmtp();
    const port = smtp.port;
    await smtp.close();
    const { service, store, sender } = await setup(port);
    try {
      const ticket = await store.create(newTicket(), 'bot');
      assert.equal(ticket.number, 'HD-2026-000001');
      await service.flush();
      let troubled = await service.troubled();
      assert.equal(troubled.length, 1);
      assert.equal(troubled[0]!.status, 'pending');
      assert.equal(troubled[0]!.attempts, 1);
      await service.flush();
      assert.equal((await service.troubled())[0]!.attempts, 1, 'not retried before its time');
      clock.advanceMinutes(2);
      await service.flush();
      troubled = await service.troubled();
      assert.equal(troubled.length, 1);
      assert.equal(troubled[0]!.status, 'failed');
      assert.equal(troubled[0]!.attempts, 2);
      assert.match(troubled[0]!.lastError ?? '', /ECONNREFUSED|connect/i);
    } finally {
      sender.close();
    }
  });

  it('lists a message the server refuses as failed after the last attempt', async () => {
    const smtp = await startLoopbackSmtp({ refuse: true });
    const { service, store, sender } = await setup(smtp.port);
    try {
      await store.create(newTicket(), 'bot');
      await service.flush();
      clock.advanceMinutes(2);
      await service.flush();
      const [row] = await service.troubled();
      assert.equal(row!.status, 'failed');
      assert.match(row!.lastError ?? '', /554/);
      assert.equal(smtp.received.length, 0);
    } finally {
      sender.close();
      await smtp.close();
    }
  });
});
