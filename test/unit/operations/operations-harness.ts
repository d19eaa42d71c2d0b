/** The operations ledger wired on a real database (SQLite or PostgreSQL) with the real ticket service and work log. */
import * as iconv from 'iconv-lite';
import type { DataSource } from 'typeorm';
import { FakeClock } from '../../../core/clock';
import { MemoryLogger } from '../../../core/logger';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { SqlConversationStore, SqlTicketStore } from '../../../db';
import { SqlAttachmentStore } from '../../../db/repositories/sql-attachment-store';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import { SqlWorkLogStore } from '../../../db/repositories/sql-work-log-store';
import { ReplyDelivery, TicketService, WorkLogService } from '../../../tickets';
import { wireOperations } from '../../../app/wire-operations';
import { testAuditLog } from '../../helpers/audit';
import { tempDir } from '../../helpers/temp-dir';

/** Fictional sites of the tests: 本庁舎 30, 北支所 20, 水道局 15 terminals. */
export const SITES = [
  { name: '本庁舎', kind: 'main', count: 30 },
  { name: '北支所', kind: 'branch', count: 20 },
  { name: '水道局', kind: 'outpost', count: 15 },
] as const;

const HEADING = 'コンピュータ名,IPアドレス,MACアドレス,機種,OS,OSバージョン,拠点,所属,利用者,状態';
const DEPARTMENTS = ['総務課', '市民課', '税務課', '福祉課', '上下水道課'];
const USERS = ['山田 花子', '佐藤 一郎', '鈴木 次郎', '高橋 三奈', '渡辺 四郎'];

/** The CSV lines of the 65 terminals (no heading). */
export function terminalLines(): string[] {
  const lines: string[] = [];
  let n = 0;
  SITES.forEach((site, s) => {
    for (let i = 1; i <= site.count; i++) {
      n++;
      const num = String(n).padStart(3, '0');
      const mac = `00-1A-2B-3C-${String(s + 10)}-${String(i).padStart(2, '0')}`;
      lines.push(
        `PC-${num},10.${s + 1}.0.${i},${mac},LIFEBOOK A5${s},Windows 11 Pro,24H2,${site.name},${DEPARTMENTS[n % 5]},${USERS[n % 5]},稼働中`,
      );
    }
  });
  return lines;
}

/** A CSV file (heading + lines) in Shift_JIS or UTF-8. */
export function csvFile(lines: readonly string[], encoding: 'sjis' | 'utf8' = 'sjis'): Buffer {
  const text = [HEADING, ...lines].join('\r\n') + '\r\n';
  return encoding === 'sjis' ? iconv.encode(text, 'cp932') : Buffer.from(text, 'utf8');
}

/** Streams a buffer in chunks of 7 bytes (so characters are split between chunks). */
export function opener(content: Buffer, chunk = 7): () => AsyncIterable<Uint8Array> {
  return async function* () {
    for (let i = 0; i < content.length; i += chunk) yield content.subarray(i, i + chunk);
  };
}

/** The ledger, the ticket service and the stores around it on `ds`. */
export function operationsHarness(ds: DataSource) {
  const clock = new FakeClock('2026-12-10T01:00:00Z');
  const now = () => clock.now();
  const audit = testAuditLog(ds, now);
  const store = new SqlTicketStore(ds, now, 'HD');
  const conversations = new SqlConversationStore(ds, now);
  const delivery = new ReplyDelivery({
    store,
    conversations,
    senders: new Map(),
    outbox: new SqlTicketOutbox(ds),
    clock,
    logger: new MemoryLogger(),
  });
  const tickets = new TicketService({
    store,
    delivery,
    attachments: new SqlAttachmentStore(ds, now),
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    clock,
    audit,
  });
  const workLogStore = new SqlWorkLogStore(ds, now);
  const workLogs = new WorkLogService(workLogStore, audit);
  const staging = tempDir('kotae-staging-');
  const ops = wireOperations({
    ds,
    clock,
    audit,
    tickets,
    workLogs,
    config: { patchReportDueDays: 7, terminalImportMaxBytes: 1024 * 1024 },
    stagingDir: staging.dir,
  });
  /** Creates the three sites; returns their ids by name. */
  const addSites = async () => {
    const ids = new Map<string, string>();
    for (const s of SITES) ids.set(s.name, (await ops.sites.create({ name: s.name, kind: s.kind }, 'tanaka')).id);
    return ids;
  };
  return { clock, audit, store, tickets, workLogStore, ops, addSites, cleanup: staging.cleanup };
}
