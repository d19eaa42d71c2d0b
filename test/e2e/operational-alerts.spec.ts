/**
 * Operational alerts on the real app (issue 11): with the scheduler on and no backup by the day's
 * backup time plus the grace, the operator who chose バックアップの未取得 gets exactly one e-mail at the
 * loopback SMTP server; after `kotae backup` the next check sends exactly one recovery e-mail.
 */
import assert from 'node:assert/strict';
import { runBackupCommand } from '../../adapters/cli/backup-command';
import type { CliIo } from '../../adapters/cli/io';
import { FakeClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { SqlNotificationSettings } from '../../db/repositories/sql-notification-store';
import { decodeMail, startLoopbackSmtp } from '../fakes/loopback-smtp';
import { startApp, type RunningApp } from '../helpers/start-app';

describe('operational alerts by e-mail on the real app', function () {
  this.timeout(60_000);
  let kotae: RunningApp;
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  // 2026-06-02 01:00 JST, before the backup time: the scheduler's first check does nothing.
  const clock = new FakeClock('2026-06-01T16:00:00Z');

  before(async () => {
    smtp = await startLoopbackSmtp();
    kotae = await startApp(
      {
        KOTAE_SMTP_HOST: '127.0.0.1',
        KOTAE_SMTP_PORT: String(smtp.port),
        KOTAE_SMTP_FROM: 'kotae@example.lg.jp',
        KOTAE_SCHEDULER: 'true',
        KOTAE_BACKUP_TIME: '02:00',
        KOTAE_ALERT_BACKUP_GRACE_MINUTES: '30',
      },
      { clock },
    );
    await new SqlNotificationSettings(kotae.app.dataSource).save(
      { username: 'admin', email: 'admin@example.lg.jp', events: ['backup_missing'] },
      clock.now(),
    );
  });
  after(async () => {
    await kotae?.stop();
    await smtp?.close();
  });

  async function mails(n: number): Promise<string[]> {
    const started = Date.now();
    while (smtp.received.length < n && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 300)); // a duplicate would arrive within this
    return smtp.received.map((m) => decodeMail(m.raw).subject);
  }

  it('mails the missing backup once, and the recovery once after kotae backup', async () => {
    // Yesterday's deadline predates the start: no opinion; no Teams reply is waiting.
    assert.deepEqual(await kotae.app.alerts.check(), {
      backup_missing: 'unknown',
      teams_down: 'up',
      audit_checkpoint_failed: 'unknown',
    });
    clock.set('2026-06-01T17:40:00Z'); // 02:40 JST
    assert.deepEqual(await kotae.app.alerts.check(), {
      backup_missing: 'opened',
      teams_down: 'up',
      audit_checkpoint_failed: 'unknown',
    });
    assert.deepEqual(await kotae.app.alerts.check(), {
      backup_missing: 'down',
      teams_down: 'up',
      audit_checkpoint_failed: 'unknown',
    });
    assert.deepEqual(await mails(1), ['【Kotae】2026/06/02 のバックアップが取得されていません']);
    assert.deepEqual(smtp.received[0]!.to, ['admin@example.lg.jp']);

    const io: CliIo = { out: () => undefined, err: () => undefined, isTTY: false };
    clock.set('2026-06-01T17:45:00Z');
    assert.equal(await runBackupCommand([], io, kotae.config, { clock, logger: new MemoryLogger() }), 0);
    assert.deepEqual(await kotae.app.alerts.check(), {
      backup_missing: 'recovered',
      teams_down: 'up',
      audit_checkpoint_failed: 'unknown',
    });
    assert.deepEqual(await kotae.app.alerts.check(), {
      backup_missing: 'up',
      teams_down: 'up',
      audit_checkpoint_failed: 'unknown',
    });
    assert.deepEqual(await mails(2), [
      '【Kotae】2026/06/02 のバックアップが取得されていません',
      '【Kotae】バックアップの取得を確認しました（復旧）',
    ]);
  });
});
