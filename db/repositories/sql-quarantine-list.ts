/**
 * QuarantineList on TypeORM: one SELECT on file_scan (verdict infected or released, or a release recorded and
 * since scanned clean), left-joined to the attachment rows of each content and their tickets, ordered by the
 * quarantine's time (newest first), paged in SQL.
 */
import type { DataSource } from 'typeorm';
import type { QuarantineList, QuarantineListPage, ListedQuarantine, StoredFileKind } from '../../tickets';
import { runDb } from '../run-db';
import { managerOf } from '../transaction-scope';

interface ListRow {
  kind: StoredFileKind;
  sha256: string;
  scanName: string | null;
  verdict: string;
  signature: string | null;
  signatureVersion: string | null;
  scannedAt: Date | string | null;
  quarantinedAt: Date | string | null;
  quarantineVersion: string | null;
  releasedBy: string | null;
  releasedAt: Date | string | null;
  releaseVersion: string | null;
  releasedSignature: string | null;
  quarantinedOn: string | null;
  attachmentId: string | null;
  attachmentName: string | null;
  conversationId: string | null;
  ticketNumber: string | null;
}

/** SQL implementation of QuarantineList. */
export class SqlQuarantineList implements QuarantineList {
  constructor(private readonly ds: DataSource) {}

  async page(p: QuarantineListPage): Promise<ListedQuarantine[]> {
    const e = (name: string) => this.ds.driver.escape(name);
    const f = (c: string) => `${e('f')}.${e(c)}`;
    const a = (c: string) => `${e('a')}.${e(c)}`;
    const t = (c: string) => `${e('t')}.${e(c)}`;
    // A release keeps the quarantine's time in quarantinedAt; an infected row's scannedAt is it (also when it was
    // quarantined again after a release).
    const sortAt = `CASE WHEN ${f('verdict')} = 'infected' THEN ${f('scannedAt')} ELSE COALESCE(${f('quarantinedAt')}, ${f('scannedAt')}) END`;
    const qb = managerOf(this.ds)
      .createQueryBuilder()
      .select(f('store'), 'kind')
      .addSelect(f('sha256'), 'sha256')
      .addSelect(f('fileName'), 'scanName')
      .addSelect(f('verdict'), 'verdict')
      .addSelect(f('signature'), 'signature')
      .addSelect(f('signatureVersion'), 'signatureVersion')
      .addSelect(f('scannedAt'), 'scannedAt')
      .addSelect(f('quarantinedAt'), 'quarantinedAt')
      .addSelect(f('quarantineVersion'), 'quarantineVersion')
      .addSelect(f('releasedBy'), 'releasedBy')
      .addSelect(f('releasedAt'), 'releasedAt')
      .addSelect(f('releaseVersion'), 'releaseVersion')
      .addSelect(f('releasedSignature'), 'releasedSignature')
      .addSelect(f('quarantinedOn'), 'quarantinedOn')
      .addSelect(a('id'), 'attachmentId')
      .addSelect(a('fileName'), 'attachmentName')
      .addSelect(a('conversationId'), 'conversationId')
      .addSelect(t('number'), 'ticketNumber')
      .from('file_scan', 'f')
      .leftJoin('attachment', 'a', `${a('sha256')} = ${f('sha256')} AND ${f('store')} = 'attachment'`)
      .leftJoin('ticket', 't', `${t('id')} = ${a('ticketId')}`)
      // A released content scanned clean since stays listed as released (its release is recorded).
      .where(`(${f('verdict')} IN ('infected', 'released') OR ${f('releasedAt')} IS NOT NULL)`)
      // An attachment content no row references any more waits for its purge: nothing to show.
      .andWhere(`(${f('store')} = 'manual' OR (${f('store')} = 'attachment' AND ${a('id')} IS NOT NULL))`);
    if (p.hideConfidential) qb.andWhere(`(${t('confidentiality')} IS NULL OR ${t('confidentiality')} <> '3')`);
    const rows = await runDb(this.ds, () =>
      qb
        .orderBy(sortAt, 'DESC')
        .addOrderBy(f('id'), 'ASC')
        .addOrderBy(a('id'), 'ASC')
        .offset(p.offset)
        .limit(p.limit)
        .getRawMany<ListRow>(),
    );
    return rows.map(toFile);
  }
}

function toFile(r: ListRow): ListedQuarantine {
  // Quarantined again after a release: listed as quarantined. Released before migration 1767400000000: the
  // release is the row's last scan.
  const released = r.verdict !== 'infected';
  const quarantinedAt = dateOf(released ? r.quarantinedAt : r.scannedAt);
  const quarantineVersion = (released ? r.quarantineVersion : r.signatureVersion) ?? undefined;
  return {
    kind: r.kind,
    sha256: r.sha256,
    fileName: r.attachmentName ?? r.scanName ?? r.sha256,
    signature: (released ? (r.releasedSignature ?? r.signature) : r.signature) ?? '',
    ...(quarantinedAt ? { quarantinedAt } : {}),
    ...(quarantineVersion ? { quarantineVersion } : {}),
    ...(!released && r.quarantinedOn ? { quarantinedOn: r.quarantinedOn } : {}),
    ...(r.attachmentId ? { attachmentId: r.attachmentId } : {}),
    ...(r.ticketNumber ? { ticketNumber: r.ticketNumber } : {}),
    ...(r.conversationId ? { conversationId: r.conversationId } : {}),
    ...(released
      ? {
          released: {
            at: dateOf(r.releasedAt ?? r.scannedAt) ?? new Date(0),
            ...(r.releasedBy ? { by: r.releasedBy } : {}),
            version: r.releaseVersion ?? r.signatureVersion ?? '',
          },
        }
      : {}),
  };
}

/** A raw date: a Date (PostgreSQL, SQL Server) or SQLite's UTC text `YYYY-MM-DD HH:MM:SS.SSS`. */
function dateOf(v: Date | string | null): Date | undefined {
  if (v === null) return undefined;
  if (v instanceof Date) return v;
  return new Date(`${v.replace(' ', 'T')}${/Z|[+-]\d\d:?\d\d$/.test(v) ? '' : 'Z'}`);
}
