/**
 * The alert `audit_checkpoint_failed` (issue 11) with the real audit log, its write-following checkpoint on
 * hand-fired timers and the notifier mailing through loopback SMTP (SQLite): a head file that cannot be
 * written → exactly one e-mail however often the checkpoint fails again; written again → exactly one
 * recovery e-mail; an instance whose checkpoints never failed has no opinion.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { SqlAlertStates } from '../../../db/repositories/sql-alert-states';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../db/repositories/sql-notification-store';
import { AuditCheckpointHealth, AuditWriteCheckpoint } from '../../../jobs';
import { AlertWatch, auditCheckpointCondition, NotificationService, SmtpEmailSender } from '../../../notify';
import { decodeMail, startLoopbackSmtp } from '../../fakes/loopback-smtp';
import { useTestDb } from '../../helpers/databases';
import { tempDir } from '../../helpers/temp-dir';
import { auditedChange as change, followedInstance } from '../../helpers/write-checkpoint';

describe('alert: an audit checkpoint that fails (sqlite)', () => {
  const handle = useTestDb('sqlite');
  let smtp: Awaited<ReturnType<typeof startLoopbackSmtp>>;
  let tmp: ReturnType<typeof tempDir>;
  let clock: FakeClock;

  beforeEach(async () => {
    await handle.db.reset();
    smtp = await startLoopbackSmtp();
    tmp = tempDir('kotae-checkpoint-alert-');
    clock = new FakeClock('2026-06-01T00:00:00Z'); // 09:00 JST
    await new SqlNotificationSettings(handle.db.ds).save(
      { username: 'sato', email: 'sato@example.lg.jp', events: ['audit_checkpoint_failed'] },
      clock.now(),
    );
  });
  afterEach(async () => {
    await smtp.close();
    tmp.cleanup();
  });

  function notifier() {
    const service = new NotificationService({
      store: new SqlNotificationStore(handle.db.ds),
      settings: new SqlNotificationSettings(handle.db.ds),
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
    return service;
  }

  it('mails one notice while the head file cannot be written, and one recovery notice once it is written', async () => {
    const a = followedInstance(handle.db.ds, () => clock.now(), path.join(tmp.dir, 'audit-anchors.jsonl'), 'a');
    const health = new AuditCheckpointHealth(() => clock.now());
    // The helper's follower reports nowhere: follow the same log with one that reports to the health.
    const follower = new AuditWriteCheckpoint({ audit: a.log, delayMs: 1000, timers: a.timers, outcomes: health });
    a.log.onCommitted(() => follower.noteWrite());
    const fire = async () => {
      assert.deepEqual(a.timers.fire(), [1000, 1000]);
      await Promise.all([a.follower.settled(), follower.settled()]);
    };
    const service = notifier();
    const watch = new AlertWatch({
      conditions: [auditCheckpointCondition({ state: () => health.state(), instance: 'kotae-a' })],
      states: new SqlAlertStates(handle.db.ds),
      publish: (e) => service.publish(e),
      clock,
    });
    const check = async () => {
      const result = await watch.check();
      await service.flush();
      return result.audit_checkpoint_failed;
    };
    const subjects = () => smtp.received.map((m) => decodeMail(m.raw).subject);

    // Nothing failed yet: no opinion.
    assert.equal(await check(), 'unknown');
    fs.mkdirSync(a.anchors.headFile());
    await change(a.log, 'HD-2026-000001');
    await fire();
    clock.advanceMinutes(1);
    assert.equal(await check(), 'opened');
    assert.deepEqual(subjects(), ['【Kotae】監査ログのチェックポイントを書き込めません']);
    const text = decodeMail(smtp.received[0]!.raw).text;
    assert.match(
      text,
      /発生: 2026\/06\/01 09:00\n書き込み直後のチェックポイント（ヘッドファイル）: 1 回失敗（最新のエラー: .*EISDIR/,
    );
    assert.match(
      text,
      /インスタンス: kotae-a\nチェックポイントが書き込まれるまで、最新の監査ログの削除を検出できません。/,
    );

    // It fails again: the same incident, no second mail.
    await change(a.log, 'HD-2026-000002');
    await fire();
    clock.advanceMinutes(1);
    assert.equal(await check(), 'down');
    assert.equal(await check(), 'down');
    assert.equal(smtp.received.length, 1);

    // The head file can be written again: the next write's checkpoint succeeds → one recovery mail.
    fs.rmdirSync(a.anchors.headFile());
    await change(a.log, 'HD-2026-000003');
    await fire();
    clock.advanceMinutes(1);
    assert.equal(await check(), 'recovered');
    assert.equal(await check(), 'up');
    assert.deepEqual(subjects(), [
      '【Kotae】監査ログのチェックポイントを書き込めません',
      '【Kotae】監査ログのチェックポイントの書き込みが回復しました（復旧）',
    ]);
    assert.match(decodeMail(smtp.received[1]!.raw).text, /発生: 2026\/06\/01 09:00\n復旧: 2026\/06\/01 09:03/);
    assert.deepEqual(smtp.received[1]!.to, ['sato@example.lg.jp']);
  });

  it('keeps one source failing while another succeeds (the periodic line and the head file are different files)', () => {
    const health = new AuditCheckpointHealth(() => clock.now());
    health.failed('periodic', 'EACCES');
    health.succeeded('write');
    assert.deepEqual(health.state(), {
      failing: [{ source: 'periodic', since: new Date('2026-06-01T00:00:00Z'), error: 'EACCES', failures: 1 }],
      everFailed: true,
    });
    health.succeeded('periodic');
    assert.deepEqual(health.state(), { failing: [], everFailed: true });
  });
});
