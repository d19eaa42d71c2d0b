/**
 * `kotae backup`: takes a backup now (recorded in job_run like the nightly one) and prints the file;
 * `kotae backup --list` lists the kept generations with their sizes. Safe while the server runs:
 * the copy is an online backup and the data-folder lock is not taken.
 */
import path from 'node:path';
import { withKotae, type KotaeConfig, type KotaeRuntime } from '../../app';
import { BackupJob, JobRunner, listBackups, type BackupFile } from '../../jobs';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';

/** Japanese messages of `kotae backup`. */
export const BACKUP_CLI_MESSAGES = {
  usage:
    '使い方: kotae backup [--list]\n  （オプションなし）今すぐバックアップを取得します\n  --list            保存されているバックアップの一覧を表示します',
  unknownOption: (opt: string) => `不明なオプションです: ${opt}`,
  written: (file: string, size: string) => `バックアップを作成しました: ${file}（${size}）`,
  extra: (file: string) => `  同時に保存: ${file}`,
  pruned: (count: number, keep: number) =>
    `保存世代数（${keep}世代）を超えた古いバックアップを ${count} 件削除しました。`,
  skipped:
    'SQL Server のデータベースはKotaeではバックアップしません。データベース管理者が BACKUP DATABASE（保守計画）で取得してください。',
  skippedPostgres:
    'このサーバーに pg_dump がないため、バックアップを取得しませんでした（成功としては記録していません）。PostgreSQL サーバー側のバックアップ（pg_dump / pg_basebackup、クラウドのスナップショット等）を利用してください。',
  none: (dir: string) => `バックアップはまだありません（保存先: ${dir}）。`,
  listHeader: (dir: string, count: number, keep: number) => `保存先: ${dir}（${count} 世代、保存世代数 ${keep}）`,
} as const;

/** '12.3 MB'-style size. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** 'YYYY/MM/DD HH:MM:SS' of a `YYYYMMDD-HHmmss` stamp. */
function stampText(stamp: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})$/.exec(stamp);
  return m ? `${m[1]}/${m[2]}/${m[3]} ${m[4]}:${m[5]}:${m[6]}` : stamp;
}

function listLine(b: BackupFile): string {
  const extras = b.extras.length ? `  ＋ ${b.extras.map((e) => path.basename(e)).join(', ')}` : '';
  return `${stampText(b.stamp)}  ${formatSize(b.sizeBytes).padStart(9)}  ${path.basename(b.file)}${extras}`;
}

/** The command on a given configuration (tests call this; the dispatcher calls `backupCommand`). */
export async function runBackupCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
): Promise<number> {
  const unknown = argv.find((a) => a !== '--list');
  if (unknown !== undefined) {
    io.err(BACKUP_CLI_MESSAGES.unknownOption(unknown));
    io.err(BACKUP_CLI_MESSAGES.usage);
    return 2;
  }
  const { dir, generations } = config.backup;
  if (argv.includes('--list')) {
    const backups = listBackups(dir);
    if (backups.length === 0) io.out(BACKUP_CLI_MESSAGES.none(dir));
    else
      io.out([BACKUP_CLI_MESSAGES.listHeader(dir, backups.length, generations), ...backups.map(listLine)].join('\n'));
    return 0;
  }
  return withKotae(config, runtime, {}, async (kotae) => {
    const { clock, logger } = runtime;
    // One attempt: whoever runs it by hand sees a failure at once instead of waiting for retries.
    const runner = new JobRunner({ store: await kotae.jobRuns(), clock, logger, maxAttempts: 1 });
    const audit = await kotae.audit();
    const job = new BackupJob({
      database: await kotae.databaseBackup(),
      runner,
      clock,
      dir,
      generations,
      dataDir: config.dataDir,
      logger,
      encryptionKey: kotae.backupKey(),
      audit,
      actor: 'cli',
    });
    const outcome = await job.run();
    if (outcome.status === 'skipped') {
      io.out(config.db.kind === 'postgres' ? BACKUP_CLI_MESSAGES.skippedPostgres : BACKUP_CLI_MESSAGES.skipped);
      return 0;
    }
    io.out(BACKUP_CLI_MESSAGES.written(outcome.file, formatSize(outcome.sizeBytes)));
    for (const extra of outcome.extras) io.out(BACKUP_CLI_MESSAGES.extra(extra));
    if (outcome.pruned.length) io.out(BACKUP_CLI_MESSAGES.pruned(outcome.pruned.length, generations));
    return 0;
  });
}

/** Entry used by the CLI dispatcher. */
export async function backupCommand(argv: string[], io: CliIo): Promise<number> {
  return runBackupCommand(argv, io, configFromProcess(), defaultRuntime());
}
