/**
 * Operational alerts (issue 11): a missing backup, Teams replies stuck, LoGoチャット down → one e-mail per
 * incident through the loopback SMTP server, one recovery e-mail, also with two instances checking at
 * once (shared alert_state and notification keys), on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlAlertStates } from '../../../db/repositories/sql-alert-states';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../db/repositories/sql-notification-store';
import {
  AlertWatch,
  backupMissingCondition,
  InMemoryAlertStates,
  logoDownCondition,
  NotificationService,
  SmtpEmailSender,
  teamsDownCondition,
  type AlertCondition,
  type BackupEvidence,
  type ConnectionHealth,
} from '../../../notify';
import { decodeMail, startLoopbackSmtp } from '../../fakes/loopback-smtp';
import { describeEachDb } from '../../helpers/databases';

/** 2026-04-01 01:00 JST. */
const START = '2026-03-31T16:00:00Z';

describeEachDb('AlertWatch through the notifier', (each) => {
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let clock: FakeClock;
  beforeEach(async () => {
    await each.db.reset();
    smtp = await startLoopbackSmtp();
    clock = new FakeClock(START);
    await new SqlNotificationSettings(each.db.ds).save(
      { username: 'sato', email: 'sato@example.lg.jp', events: ['backup_missing', 'channel_down'] },
      clock.now(),
    );
  });
  afterEach(() => smtp.close());

  /** One instance: its own notification service and state store on the shared database. */
  function instance(conditions: AlertCondition[]) {
    const service = new NotificationService({
      store: new SqlNotificationStore(each.db.ds),
      settings: new SqlNotificationSettings(each.db.ds),
      senders: [
        new SmtpEmailSender({
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          requireTls: false,
          from: 'kotae@example.lg.jp',
        }),
      ],
      operators: async () => [{ username: 'sato', role: 'operator', disabled: false }],
      clock,
      logger: new MemoryLogger(),
    });
    const watch = new AlertWatch({
      conditions,
      states: new SqlAlertStates(each.db.ds),
      publish: (e) => service.publish(e),
      clock,
    });
    return { watch, service };
  }

  async function checkBoth(a: ReturnType<typeof instance>, b: ReturnType<typeof instance>) {
    const results = await Promise.all([a.watch.check(), b.watch.check()]);
    await Promise.all([a.service.flush(), b.service.flush()]);
    return results;
  }

  const subjects = () => smtp.received.map((m) => decodeMail(m.raw).subject);

  it('mails a missing backup once across two instances, and once when a backup is there again', async () => {
    const evidence: BackupEvidence = {};
    const backup = () =>
      backupMissingCondition({
        time: '02:00',
        graceMinutes: 60,
        watchingSince: clock.now(),
        evidence: async () => evidence,
        dir: '/var/lib/kotae/backups',
      });
    const a = instance([backup()]);
    const b = instance([backup()]);
    clock.set('2026-03-31T17:30:00Z'); // 02:30 JST: within the grace
    assert.deepEqual(await checkBoth(a, b), [{ backup_missing: 'unknown' }, { backup_missing: 'unknown' }]);
    clock.set('2026-03-31T18:30:00Z'); // 03:30 JST
    // Both may see the incident un-notified; the notification key lets one e-mail through.
    const opened = (await checkBoth(a, b)).map((r) => r.backup_missing);
    assert.ok(opened.includes('opened') && opened.every((r) => r === 'opened' || r === 'down'), String(opened));
    await checkBoth(a, b);
    assert.deepEqual(subjects(), ['【Kotae】2026/04/01 のバックアップが取得されていません']);
    assert.match(
      decodeMail(smtp.received[0]!.raw).text,
      /最後に成功したバックアップ: なし\n保存先: \/var\/lib\/kotae\/backups/,
    );

    // The job ran but its file is not in the folder: still down, no second mail.
    evidence.lastRun = { status: 'succeeded', at: new Date('2026-03-31T18:40:00Z') };
    clock.set('2026-03-31T18:45:00Z');
    await checkBoth(a, b);
    assert.equal(smtp.received.length, 1);

    evidence.newestFile = new Date('2026-03-31T18:40:00Z');
    const recovered = (await checkBoth(a, b)).map((r) => r.backup_missing);
    assert.ok(recovered.includes('recovered') && recovered.every((r) => r === 'recovered' || r === 'up'));
    await checkBoth(a, b);
    assert.deepEqual(subjects(), [
      '【Kotae】2026/04/01 のバックアップが取得されていません',
      '【Kotae】バックアップの取得を確認しました（復旧）',
    ]);
    assert.deepEqual(smtp.received[1]!.to, ['sato@example.lg.jp']);
  });

  it('mails Teams replies stuck beyond the threshold once, and the recovery once', async () => {
    let stuck = { count: 0, oldest: undefined as Date | undefined };
    const teams = () => teamsDownCondition({ threshold: 2, minutes: 15, stuck: async () => ({ ...stuck }) });
    const a = instance([teams()]);
    const b = instance([teams()]);
    stuck = { count: 1, oldest: new Date('2026-03-31T15:30:00Z') };
    await checkBoth(a, b);
    assert.equal(smtp.received.length, 0);
    stuck = { count: 2, oldest: new Date('2026-03-31T15:30:00Z') };
    await checkBoth(a, b);
    stuck = { count: 3, oldest: new Date('2026-03-31T15:30:00Z') };
    await checkBoth(a, b);
    assert.deepEqual(subjects(), ['【Kotae】Teamsへの返信が 15 分以上届いていません']);
    assert.match(decodeMail(smtp.received[0]!.raw).text, /発生: 2026\/04\/01 00:30\n未送信の返信: 2 件/);
    stuck = { count: 0, oldest: undefined };
    await checkBoth(a, b);
    await checkBoth(a, b);
    assert.deepEqual(subjects(), [
      '【Kotae】Teamsへの返信が 15 分以上届いていません',
      '【Kotae】Teamsへの返信の送信が回復しました（復旧）',
    ]);
  });

  it('mails a LoGoチャット connection down past its minutes once; a standby instance has no say', async () => {
    const holder: ConnectionHealth = { state: 'reconnecting', lastError: 'socket closed' };
    const standby: ConnectionHealth = { state: 'standby' };
    const a = instance([logoDownCondition({ health: () => holder, minutes: 10 })]);
    const b = instance([logoDownCondition({ health: () => standby, minutes: 10 })]);
    await checkBoth(a, b);
    clock.advanceMinutes(9);
    await checkBoth(a, b);
    assert.equal(smtp.received.length, 0);
    clock.advanceMinutes(1);
    const opened = await checkBoth(a, b);
    assert.deepEqual(opened, [{ logo_down: 'opened' }, { logo_down: 'unknown' }]);
    clock.advanceMinutes(5);
    await checkBoth(a, b);
    assert.deepEqual(subjects(), ['【Kotae】LoGoチャットとの接続が 10 分以上切れています']);
    assert.match(decodeMail(smtp.received[0]!.raw).text, /状態: reconnecting（socket closed）/);
    holder.state = 'ready';
    await checkBoth(a, b);
    await checkBoth(a, b);
    assert.deepEqual(subjects(), [
      '【Kotae】LoGoチャットとの接続が 10 分以上切れています',
      '【Kotae】LoGoチャットとの接続が回復しました（復旧）',
    ]);
  });
});

describe('AlertWatch rules', () => {
  const clock = new FakeClock(START);
  const backup = (evidence: BackupEvidence, watchingSince = new Date(START)) =>
    backupMissingCondition({
      time: '02:00',
      graceMinutes: 60,
      watchingSince,
      evidence: async () => evidence,
      dir: '/b',
    });

  it('judges the day before until the day’s deadline, and never a deadline before the watch started', async () => {
    const yesterday = { lastRun: { status: 'succeeded' as const, at: new Date('2026-03-30T17:05:00Z') } };
    const c = backup({ ...yesterday, newestFile: new Date('2026-03-30T17:05:00Z') }, new Date('2026-03-30T00:00:00Z'));
    assert.deepEqual(await c.observe(new Date('2026-03-31T17:30:00Z')), { down: false }); // 04-01 02:30: yesterday's ok
    assert.equal((await c.observe(new Date('2026-03-31T18:00:00Z')))?.down, true); // 04-01 03:00: today's missing
    const fresh = backup({});
    assert.equal(await fresh.observe(new Date('2026-03-31T17:30:00Z')), undefined); // 03-31 03:00 was before the start
    assert.deepEqual(
      await backup({ lastRun: { status: 'skipped', at: new Date('2026-03-31T17:00:00Z') } }).observe(
        new Date('2026-03-31T19:00:00Z'),
      ),
      { down: false },
    );
  });

  it('publishes again at the next check when the notice could not be recorded, then only once', async () => {
    const published: string[] = [];
    let accept = false;
    const watch = new AlertWatch({
      conditions: [
        teamsDownCondition({ threshold: 1, minutes: 15, stuck: async () => ({ count: 1, oldest: new Date(START) }) }),
      ],
      states: new InMemoryAlertStates(),
      publish: async (e) => {
        published.push(e.key);
        return accept;
      },
      clock,
    });
    assert.deepEqual(await watch.check(), { teams_down: 'down' });
    accept = true;
    assert.deepEqual(await watch.check(), { teams_down: 'opened' });
    assert.deepEqual(await watch.check(), { teams_down: 'down' });
    assert.deepEqual(published, [
      `alert:teams_down:${START.replace('Z', '.000Z')}`,
      `alert:teams_down:${START.replace('Z', '.000Z')}`,
    ]);
  });
});
