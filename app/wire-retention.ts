/**
 * The retention job's issue-11 part: retention per data class, auto-close of resolved tickets after
 * N business days, secure deletion, the deletion certificate, audit retention and backup pruning.
 */
import type { DataSource } from 'typeorm';
import type { TicketStore } from '../tickets';
import type { BusinessCalendar } from '../calendar';
import { KotaeError } from '../core';
import type { Logger } from '../core';
import type { SqlAuditLog } from '../db';
import { SqlDeletionCertificates } from '../db';
import type { SqlRetentionStore } from '../db';
import { pruneBackupsOlderThan, type RetentionTrustDeps } from '../jobs';
import type { TicketService } from '../tickets';
import type { KotaeConfig } from './config';

/** 媒体名 of the certificate: where the deleted data was kept. */
export function retentionMedium(config: Readonly<KotaeConfig>): string {
  const db =
    config.db.kind === 'sqlite'
      ? `SQLiteデータベース（${config.db.path}）`
      : `${config.db.kind === 'postgres' ? 'PostgreSQL' : 'SQL Server'}データベース（${config.db.host}/${config.db.database}）`;
  return `${db}、添付ファイル保存フォルダ（${config.dataDir}/attachments）、バックアップフォルダ（${config.backup.dir}）`;
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
    backups: { pruneOlderThan: (cutoff) => pruneBackupsOlderThan(config.backup.dir, cutoff) },
    medium: retentionMedium(config),
    performedBy: 'Kotae（保存期間経過データの自動削除）',
  };
}
