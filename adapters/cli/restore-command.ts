/**
 * `kotae restore <backup>` (issue 11, SQLite): puts a backup generation back while no server runs
 * on the data folder (its pid lock). The copy is decrypted when encrypted (AES-256-GCM, tag checked),
 * checked (integrity_check, row counts, its audit chain against the key and the checkpoint taken
 * with it) before anything is replaced; the current database is moved aside, not deleted;
 * attachments, report files and the FAQ sheet are put back; the roll-back is declared in the anchor
 * file and audited, and the chain is verified again. PostgreSQL: pg_restore (README).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { KotaeConfig } from '../../app';
import { dataDirHolder, lockDataDir } from '../../app';
import { AUDIT_BREAK_LABELS, type AuditHead } from '../../core';
import type { Clock } from '../../core';
import { KotaeError, toKotaeError } from '../../core';
import type { Logger } from '../../core';
import { createDataSource, openDatabase } from '../../db';
import { AuditAnchorFile } from '../../db';
import { loadAuditKey } from '../../db';
import { SqlAuditLog } from '../../db';
import { countRows, inspectSqliteBackup, moveDatabaseAside, sqliteAuditHead } from '../../db';
import {
  backupStamp,
  copyOutOfBackup,
  generationBase,
  listBackups,
  loadBackupKey,
  restoreBackupFiles,
  type BackupFile,
} from '../../jobs';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';

/** Japanese messages of `kotae restore`. */
export const RESTORE_CLI_MESSAGES = {
  usage:
    '使い方: kotae restore <バックアップ>\n  <バックアップ> はバックアップファイルのパス、ファイル名、または日時（例: 20260511-020000）です。\n  サーバーを停止してから実行してください。',
  notFound: (arg: string, dir: string) => `バックアップが見つかりません: ${arg}（保存先: ${dir}）`,
  notSqlite:
    'kotae restore は SQLite のデータベースを復元します。PostgreSQL は pg_restore --clean --dbname=kotae <ファイル> で、SQL Server はデータベース管理者が復元してください（README「バックアップと復元」）。',
  running: (message: string) => `${message} サーバーを停止してから復元してください。`,
  needKey: '暗号化されたバックアップです。暗号鍵ファイル KOTAE_BACKUP_KEY_FILE を指定してください。',
  badAnchors: (line: number) =>
    `監査ログのチェックポイントファイル ${line} 行目が改ざんされています。復元を中止しました。`,
  tampered: (seq: number, reason: string) =>
    `バックアップ内の監査ログに改ざんを検出しました（連番 ${seq}：${reason}）。復元を中止しました（現在のデータベースはそのままです）。`,
  countsDiffer: (table: string, expected: number, actual: number) =>
    `復元後の件数がバックアップと一致しません: ${table}（バックアップ ${expected} 件、復元後 ${actual} 件）`,
  restored: (file: string) => `バックアップから復元しました: ${file}`,
  aside: (file: string) => `  復元前のデータベース: ${file}（不要になったら削除してください）`,
  counts: (rows: number, tables: number) => `  件数を確認しました: ${tables} テーブル、計 ${rows} 行`,
  files: (attachments: number, reports: number, faq: boolean) =>
    `  添付ファイル ${attachments} 件、報告書ファイル ${reports} 件${faq ? '、FAQシート' : ''}を戻しました`,
  audit: (restored: number, previous: number | undefined) =>
    `  監査ログ: 連番 ${restored} まで復元${previous !== undefined ? `（復元前は連番 ${previous} まで）` : ''}し、復元の記録を追加しました`,
  verified: '  監査ログを検証しました: 改ざんは検出されませんでした。',
  verifyFailed: (seq: number, reason: string) => `  監査ログの検証で不整合を検出しました（連番 ${seq}：${reason}）。`,
} as const;

function findGeneration(arg: string, defaultDir: string): { generation?: BackupFile; dir: string } {
  const asPath = path.resolve(arg);
  const dir = fs.existsSync(asPath) && fs.statSync(asPath).isFile() ? path.dirname(asPath) : defaultDir;
  const generation = listBackups(dir).find(
    (g) => g.file === asPath || g.stamp === arg || path.basename(g.file) === arg,
  );
  return { generation, dir };
}

function readTakenWith(generation: BackupFile): AuditHead | undefined {
  const file = `${generationBase(generation)}.audit-head.json`;
  if (!fs.existsSync(file)) return undefined;
  const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { seq?: unknown; hash?: unknown };
  return typeof v.seq === 'number' && typeof v.hash === 'string' ? { seq: v.seq, hash: v.hash } : undefined;
}

/** The command on a given configuration (tests call this). */
export async function runRestoreCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: { clock: Clock; logger: Logger },
): Promise<number> {
  const M = RESTORE_CLI_MESSAGES;
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    io.err(M.usage);
    return 2;
  }
  if (config.db.kind !== 'sqlite') {
    io.err(M.notSqlite);
    return 2;
  }
  const { generation, dir } = findGeneration(argv[0], config.backup.dir);
  if (!generation) {
    io.err(M.notFound(argv[0], config.backup.dir));
    return 2;
  }
  let lock;
  try {
    const holder = dataDirHolder(config.dataDir);
    if (holder !== undefined) {
      throw new KotaeError('DATA_DIR_IN_USE', `data directory ${config.dataDir} is used by process ${holder}`, {
        userMessage: `データフォルダ ${config.dataDir} は別のKotae（プロセス ${holder}）が使用中です。`,
      });
    }
    lock = lockDataDir(config.dataDir);
  } catch (err) {
    io.err(M.running(toKotaeError(err).userMessage));
    return 1;
  }
  const dbPath = config.db.path;
  const staged = `${dbPath}.restore-${process.pid}.tmp`;
  const ds = createDataSource(config.db);
  try {
    const { key } = loadAuditKey(config.integrity.auditKeyFile, { create: false });
    const anchorFile = new AuditAnchorFile(config.integrity.auditAnchorFile, key);
    const reading = anchorFile.read();
    if (reading.badLine) {
      io.err(M.badAnchors(reading.badLine.line));
      return 1;
    }
    if (generation.encrypted && !config.integrity.backupKeyFile) {
      io.err(M.needKey);
      return 1;
    }
    const backupKey = config.integrity.backupKeyFile
      ? loadBackupKey(config.integrity.backupKeyFile, { create: false })
      : undefined;
    await copyOutOfBackup(generation.file, staged, backupKey);
    const inspected = inspectSqliteBackup(staged, key, reading.anchors, readTakenWith(generation));
    if (!inspected.audit.ok) {
      io.err(M.tampered(inspected.audit.brokenAtSeq, AUDIT_BREAK_LABELS[inspected.audit.reason]));
      return 1;
    }
    const restoredHead = inspected.audit.head;
    const previousHead = fs.existsSync(dbPath) ? sqliteAuditHead(dbPath) : undefined;
    const aside = fs.existsSync(dbPath) ? moveDatabaseAside(dbPath, backupStamp(runtime.clock.now())) : undefined;
    fs.renameSync(staged, dbPath);
    fs.chmodSync(dbPath, 0o600);
    const files = await restoreBackupFiles(generation, dir, config.dataDir, backupKey);
    await openDatabase(ds, { migrate: config.dbAutoMigrate });
    const counts = await countRows(ds);
    for (const [table, expected] of Object.entries(inspected.counts)) {
      if (counts[table] !== expected) {
        io.err(M.countsDiffer(table, expected, counts[table] ?? 0));
        return 1;
      }
    }
    const audit = new SqlAuditLog(ds, {
      key,
      anchors: anchorFile,
      now: () => runtime.clock.now(),
      logger: runtime.logger,
    });
    // Declares the roll-back: checkpoints above the restored head no longer apply.
    await audit.anchor('restore', 'restore');
    await audit.record({
      actor: 'cli',
      action: 'backup.restore',
      target: path.basename(generation.file),
      detail: {
        restoredHeadSeq: restoredHead.seq,
        previousHeadSeq: previousHead?.seq ?? null,
        previousDatabase: aside ? path.basename(aside) : null,
        attachments: files.attachments,
        reports: files.reports,
      },
    });
    await audit.anchor('restore');
    const verdict = await audit.verify();
    io.out(M.restored(generation.file));
    if (aside) io.out(M.aside(aside));
    const total = Object.values(inspected.counts).reduce((a, b) => a + b, 0);
    io.out(M.counts(total, Object.keys(inspected.counts).length));
    io.out(M.files(files.attachments, files.reports, files.faqSheet));
    io.out(M.audit(restoredHead.seq, previousHead?.seq));
    if (verdict.ok) io.out(M.verified);
    else io.err(M.verifyFailed(verdict.brokenAtSeq, AUDIT_BREAK_LABELS[verdict.reason]));
    return verdict.ok ? 0 : 1;
  } finally {
    fs.rmSync(staged, { force: true });
    if (ds.isInitialized) await ds.destroy();
    lock.release();
  }
}

/** Entry used by the CLI dispatcher. */
export async function restoreCommand(argv: string[], io: CliIo): Promise<number> {
  return runRestoreCommand(argv, io, configFromProcess(), defaultRuntime());
}
