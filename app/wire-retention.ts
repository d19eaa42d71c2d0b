/**
 * The retention job's issue-11 part: retention per data class, auto-close of resolved tickets after
 * N business days, secure deletion, the deletion certificate, audit retention and backup pruning.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { TicketStore } from '../tickets';
import type { BusinessCalendar } from '../calendar';
import { KotaeError } from '../core';
import type { Logger } from '../core';
import type { SqlAuditLog } from '../db';
import { SqlDeletionCertificates } from '../db';
import type { SqlRetentionStore } from '../db';
import { retainedCopies, type ResidueSources, type RetentionTrustDeps } from '../jobs';
import type { TicketService } from '../tickets';
import type { KotaeConfig } from './config';

/**
 * 媒体名 of the certificate: where the deleted data was erased from (the database and the attachment
 * folder as configured). The backup folder is not one: its copies keep the data until rotated out,
 * which the certificate's residue says.
 */
export function retentionMedium(config: Readonly<KotaeConfig>): string {
  const db =
    config.db.kind === 'sqlite'
      ? `SQLiteデータベース（${config.db.path}）`
      : `${config.db.kind === 'postgres' ? 'PostgreSQL' : 'SQL Server'}データベース（${config.db.host}/${config.db.database}）`;
  const shared = config.attachmentStorage === 'shared' ? '全インスタンス共有' : 'インスタンスごと';
  return `${db}、添付ファイル保存フォルダ（${path.join(config.dataDir, 'attachments')}、${shared}）`;
}

/** Where erased data may remain after a run by `instance`: backups, restore safety copies, the attachment folder. */
export function retentionResidue(config: Readonly<KotaeConfig>, instance: string): ResidueSources {
  return {
    copies: retainedCopies({
      backupDir: config.backup.dir,
      databaseFile: config.db.kind === 'sqlite' ? config.db.path : undefined,
    }),
    backupDir: config.backup.dir,
    ...(config.scheduler ? { rotation: { generations: config.backup.generations, time: config.backup.time } } : {}),
    external: config.db.kind === 'mssql',
    attachmentStorage: {
      dir: path.join(config.dataDir, 'attachments'),
      shared: config.attachmentStorage === 'shared',
      instance,
    },
  };
}

/** Closes resolved tickets whose resolution is `days` business days old (0: never). */
export function autoCloser(
  d: { store: TicketStore; tickets: TicketService; calendar: BusinessCalendar; logger: Logger },
  days: number,
): { closeResolved(now: Date): Promise<number> } {
  return {
    async closeResolved(now) {
      if (days <= 0) return 0;
      const { items } = await d.store.list({ status: ['resolved'], limit: 1000 });
      let closed = 0;
      for (const t of items) {
        if (!t.resolvedAt || d.calendar.businessDaysDeadline(t.resolvedAt, days) > now) continue;
        try {
          await d.tickets.update(t.id, t.version, { status: 'closed' }, 'system');
          closed += 1;
        } catch (err) {
          // Changed by an operator meanwhile: the next run looks again.
          if (!(err instanceof KotaeError && err.code === 'CONFLICT')) throw err;
          d.logger.info('auto-close skipped a ticket changed meanwhile', { ticket: t.number });
        }
      }
      return closed;
    },
  };
}

/** The issue-11 dependencies of the retention job. */
export function retentionTrust(
  config: Readonly<KotaeConfig>,
  d: {
    ds: DataSource;
    store: SqlRetentionStore;
    audit: SqlAuditLog;
    tickets: TicketService;
    ticketStore: TicketStore;
    calendar: BusinessCalendar;
    logger: Logger;
    /** The instance that runs the job (named on the certificate). */
    instance: string;
  },
): RetentionTrustDeps {
  return {
    classes: config.integrity.retention,
    attachmentRows: d.store,
    eraser: d.store,
    audit: d.audit,
    certificates: new SqlDeletionCertificates(d.ds),
    autoClose: autoCloser(
      { store: d.ticketStore, tickets: d.tickets, calendar: d.calendar, logger: d.logger },
      config.integrity.autoCloseBusinessDays,
    ),
    residue: retentionResidue(config, d.instance),
    medium: retentionMedium(config),
    performedBy: 'Kotae（保存期間経過データの自動削除）',
  };
}
