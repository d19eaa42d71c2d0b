/**
 * The alert conditions of issue 11: the daily backup is missing, Teams replies stay undelivered, the
 * LoGoチャット connection is down. Each reads what it needs through a small function, so the watch
 * knows nothing of job_run, the backup folder or the LoGo child process.
 */
import { formatJst, jstInstant, jstParts } from '../calendar';
import type { AlertCondition, AlertObservation } from './alert-watch';
import { NOTIFY_MESSAGES as N } from './messages';
import type { AlertIncident } from './ports';

const MINUTE = 60_000;

/** The newest backup run that counts (succeeded or deliberately skipped) and the newest file's time. */
export interface BackupEvidence {
  lastRun?: { status: 'succeeded' | 'skipped'; at: Date };
  /** Time of the newest generation in the backup folder (its stamp). */
  newestFile?: Date;
}

/** What the backup condition needs. */
export interface BackupMissingDeps {
  /** Daily backup time 'HH:MM' (JST, config.backup.time). */
  time: string;
  /** Minutes after that time by which the day's backup must exist. */
  graceMinutes: number;
  /** Deadlines before this instant are not judged (the day the watch started may have had no chance). */
  watchingSince: Date;
  evidence: () => Promise<BackupEvidence>;
  /** The backup folder, named in the notice. */
  dir: string;
}

/** The most recent deadline at or before `now` and the start (00:00 JST) of its backup day. */
function lastDeadline(now: Date, time: string, graceMinutes: number): { deadline: Date; dayStart: Date } {
  const [hh, mm] = time.split(':').map(Number);
  const p = jstParts(now);
  for (const back of [0, 1]) {
    const dayStart = jstInstant(p.year, p.month, p.day - back);
    const deadline = new Date(jstInstant(p.year, p.month, p.day - back, hh, mm).getTime() + graceMinutes * MINUTE);
    if (deadline.getTime() <= now.getTime() || back === 1) return { deadline, dayStart };
  }
  throw new Error('unreachable');
}

/**
 * Down when, past the day's backup time plus the grace, no backup of that day succeeded (a manual
 * `kotae backup` earlier that day counts) or its file is not in the backup folder. A skipped run (SQL
 * Server, no pg_dump) is the deliberate choice and never alerts.
 */
export function backupMissingCondition(d: BackupMissingDeps): AlertCondition {
  return {
    name: 'backup_missing',
    event: 'backup_missing',
    async observe(now: Date): Promise<AlertObservation> {
      const { deadline, dayStart } = lastDeadline(now, d.time, d.graceMinutes);
      const e = await d.evidence();
      const ranThatDay = e.lastRun !== undefined && e.lastRun.at.getTime() >= dayStart.getTime();
      if (ranThatDay && e.lastRun?.status === 'skipped') return { down: false };
      const fileThatDay = e.newestFile !== undefined && e.newestFile.getTime() >= dayStart.getTime();
      if (ranThatDay && fileThatDay) return { down: false };
      if (deadline.getTime() < d.watchingSince.getTime()) return undefined;
      const last = e.lastRun?.status === 'succeeded' ? formatJst(e.lastRun.at) : 'なし';
      const why = ranThatDay ? 'バックアップ処理は成功と記録されていますが、ファイルが保存先にありません。' : '';
      return {
        down: true,
        since: deadline,
        detail: [why, `最後に成功したバックアップ: ${last}`, `保存先: ${d.dir}`].filter(Boolean).join('\n'),
      };
    },
    downText: (i: AlertIncident) => ({
      subject: N.backupMissing(formatJst(new Date(i.since.getTime() - d.graceMinutes * MINUTE)).slice(0, 10)),
      lines: [
        `バックアップ予定 ${d.time} から ${d.graceMinutes} 分を過ぎても、その日のバックアップが確認できません。`,
        i.detail,
        'kotae backup --list で確認し、必要なら kotae backup で取得してください。',
      ],
    }),
    upText: (i: AlertIncident, now: Date) => ({
      subject: N.backupBack,
      lines: [N.since(formatJst(i.since)), N.recoveredAt(formatJst(now))],
    }),
  };
}

/** What the Teams condition needs. */
export interface TeamsDownDeps {
  /** Undelivered replies (failed or interrupted) created before `olderThan`: how many and the oldest's time. */
  stuck: (olderThan: Date) => Promise<{ count: number; oldest?: Date }>;
  /** At least this many replies… */
  threshold: number;
  /** …undelivered for at least this many minutes. */
  minutes: number;
}

/** Down while at least `threshold` replies to Teams conversations are undelivered after `minutes`. */
export function teamsDownCondition(d: TeamsDownDeps): AlertCondition {
  return {
    name: 'teams_down',
    event: 'channel_down',
    async observe(now: Date): Promise<AlertObservation> {
      const s = await d.stuck(new Date(now.getTime() - d.minutes * MINUTE));
      if (s.count < d.threshold) return { down: false };
      return { down: true, since: s.oldest ?? now, detail: `未送信の返信: ${s.count} 件` };
    },
    downText: (i: AlertIncident) => ({
      subject: N.teamsDown(d.minutes),
      lines: [
        N.since(formatJst(i.since)),
        i.detail,
        'Bot Connector への送信が失敗しています。コンソールの「未送信の返信」で確認してください。',
      ],
    }),
    upText: (i: AlertIncident, now: Date) => ({
      subject: N.teamsBack,
      lines: [N.since(formatJst(i.since)), N.recoveredAt(formatJst(now))],
    }),
  };
}

/** The LoGoチャット connection state as /healthz shows it. */
export interface ConnectionHealth {
  state: string;
  lastError?: string;
}

/**
 * Down when this instance holds the LoGoチャット connection and it has not been ready for `minutes`.
 * An instance on standby (another one holds the connection) or with LoGo off has no opinion.
 */
export function logoDownCondition(d: { health: () => ConnectionHealth; minutes: number }): AlertCondition {
  let downSince: Date | undefined;
  return {
    name: 'logo_down',
    event: 'channel_down',
    async observe(now: Date): Promise<AlertObservation> {
      const h = d.health();
      if (h.state === 'ready') {
        downSince = undefined;
        return { down: false };
      }
      if (['off', 'standby', 'stopped'].includes(h.state)) {
        downSince = undefined;
        return undefined;
      }
      downSince ??= now;
      if (now.getTime() - downSince.getTime() < d.minutes * MINUTE) return undefined;
      return { down: true, since: downSince, detail: `状態: ${h.state}${h.lastError ? `（${h.lastError}）` : ''}` };
    },
    downText: (i: AlertIncident) => ({
      subject: N.logoDown(d.minutes),
      lines: [N.since(formatJst(i.since)), i.detail, '/healthz の logo 欄とサーバーのログを確認してください。'],
    }),
    upText: (i: AlertIncident, now: Date) => ({
      subject: N.logoBack,
      lines: [N.since(formatJst(i.since)), N.recoveredAt(formatJst(now))],
    }),
  };
}
