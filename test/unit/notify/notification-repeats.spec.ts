/**
 * Repeats of an alert (KOTAE_ALERT_REPEAT_MINUTES): the same alert (event and alert key) raised again within the
 * window after it was last sent is not sent; the next one after the window says how many were held back. Ticket
 * events are never held back; two instances publishing at once send a repeat once. On SQLite and PostgreSQL
 * (shared alert_repeat and notification tables), and the setting's parsing.
 */
import assert from 'node:assert/strict';
import { loadConfig } from '../../../app/config';
import { FakeClock } from '../../../core/clock';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';
import { SqlAlertRepeats, SqlAlertStates } from '../../../db';
import { SqlNotificationSettings, SqlNotificationStore } from '../../../db/repositories/sql-notification-store';
import {
  AlertWatch,
  NotificationService,
  type AlertCondition,
  type AlertObservation,
  type NotificationSender,
  type OutgoingMessage,
} from '../../../notify';
import { describeEachDb } from '../../helpers/databases';

/** Records what it is asked to send (one e-mail per message). */
class RecordingEmail implements NotificationSender {
  readonly channel = 'email' as const;
  readonly sent: OutgoingMessage[] = [];
  async send(message: OutgoingMessage): Promise<void> {
    this.sent.push(message);
  }
}

const HELD = (n: number) =>
  `※ この通知の前に同じ通知が ${n} 件ありましたが、前回の送信から60分以内だったため送信を控えていました（KOTAE_ALERT_REPEAT_MINUTES）。`;

describe('KOTAE_ALERT_REPEAT_MINUTES', () => {
  it('defaults to 60, takes whole minutes or off, and refuses anything else', () => {
    assert.equal(loadConfig({}).notify.alerts.repeatMinutes, 60);
    assert.equal(loadConfig({ KOTAE_ALERT_REPEAT_MINUTES: '15' }).notify.alerts.repeatMinutes, 15);
    assert.equal(loadConfig({ KOTAE_ALERT_REPEAT_MINUTES: 'off' }).notify.alerts.repeatMinutes, undefined);
    for (const bad of ['0', '10081', 'soon'])
      assert.throws(
        () => loadConfig({ KOTAE_ALERT_REPEAT_MINUTES: bad }),
        (e: unknown) => e instanceof KotaeError && /KOTAE_ALERT_REPEAT_MINUTES/.test(e.message),
        bad,
      );
  });
});

describeEachDb('alert repeats through the notifier', (each) => {
  let clock: FakeClock;
  beforeEach(async () => {
    await each.db.reset();
    clock = new FakeClock('2026-06-01T00:00:00Z');
    await new SqlNotificationSettings(each.db.ds).save(
      {
        username: 'sato',
        email: 'sato@example.lg.jp',
        events: ['job_failed', 'channel_down', 'ticket_created', 'malware_detected'],
      },
      clock.now(),
    );
  });

  /** One instance's notifier on the shared database. */
  function instance(windowMinutes = 60) {
    const email = new RecordingEmail();
    const service = new NotificationService({
      store: new SqlNotificationStore(each.db.ds),
      settings: new SqlNotificationSettings(each.db.ds),
      senders: [email],
      operators: async () => [{ username: 'sato', role: 'operator', disabled: false }],
      clock,
      logger: new MemoryLogger(),
      repeats: windowMinutes > 0 ? { store: new SqlAlertRepeats(each.db.ds), windowMinutes } : undefined,
      // Sent by the explicit flushes below only (a background flush could miss a row published after it began).
      sendOnPublish: false,
    });
    return { service, email };
  }

  const jobFailed = (n: number) => ({
    event: 'job_failed' as const,
    key: `job:backup:${n}`,
    alertKey: 'backup',
    subject: '【Kotae】定期処理「backup」が失敗しました',
    body: `失敗 ${n}`,
  });
  const minutes = (m: number) => clock.advanceMinutes(m);

  it('sends a failing job once per window and then tells how many were held back', async () => {
    const { service, email } = instance();
    for (let n = 1; n <= 3; n += 1) {
      assert.equal(await service.publish(jobFailed(n)), true, 'a held-back alert still counts as recorded');
      minutes(20);
    }
    await service.flush();
    assert.deepEqual(
      email.sent.map((m) => m.body),
      ['失敗 1'],
    );
    // 60 minutes after the one sent: sent again, with the count of the two held back.
    await service.publish(jobFailed(4));
    await service.publish({ ...jobFailed(5), alertKey: 'retention', body: '別の処理' });
    await service.flush();
    assert.deepEqual(
      email.sent.map((m) => m.body),
      ['失敗 1', `失敗 4\n\n${HELD(2)}`, '別の処理'],
    );
  });

  it('never holds back ticket events, and holds back nothing with the setting off', async () => {
    const { service, email } = instance();
    for (const n of [1, 2])
      await service.publish({ event: 'ticket_created', key: `ticket:${n}`, subject: `新しいチケット ${n}`, body: '' });
    const off = instance(0);
    for (const n of [1, 2, 3]) await off.service.publish({ ...jobFailed(n), alertKey: 'report' });
    await service.flush();
    await off.service.flush();
    assert.deepEqual([...email.sent, ...off.email.sent].map((m) => m.subject).sort(), [
      '【Kotae】定期処理「backup」が失敗しました',
      '【Kotae】定期処理「backup」が失敗しました',
      '【Kotae】定期処理「backup」が失敗しました',
      '新しいチケット 1',
      '新しいチケット 2',
    ]);
  });

  it('two instances raising the same alert at once send it once, and a flapping channel once per window', async () => {
    const a = instance();
    const b = instance();
    await Promise.all([a.service.publish(jobFailed(1)), b.service.publish(jobFailed(2))]);
    let down = true;
    const channel: AlertCondition = {
      name: 'teams_down',
      event: 'channel_down',
      observe: async (now): Promise<AlertObservation> =>
        down ? { down: true, since: now, detail: '' } : { down: false },
      downText: () => ({ subject: 'Teams down', lines: [] }),
      upText: () => ({ subject: 'Teams back', lines: [] }),
    };
    const watch = new AlertWatch({
      conditions: [channel],
      states: new SqlAlertStates(each.db.ds),
      publish: (e) => a.service.publish(e),
      clock,
    });
    for (let i = 0; i < 3; i += 1) {
      down = true;
      assert.equal((await watch.check()).teams_down, 'opened');
      minutes(5);
      down = false;
      assert.equal((await watch.check()).teams_down, 'recovered');
      minutes(5);
    }
    minutes(60);
    down = true;
    await watch.check();
    await a.service.flush();
    await b.service.flush();
    const sent = [...a.email.sent, ...b.email.sent];
    assert.deepEqual(
      sent.filter((m) => m.subject.startsWith('【Kotae】定期処理')).length,
      1,
      'one of the two failures at once',
    );
    assert.deepEqual(
      sent.filter((m) => m.subject.startsWith('Teams')).map((m) => m.body),
      ['Teams down\n', 'Teams back\n', `Teams down\n\n\n${HELD(2)}`],
    );
  });
});
