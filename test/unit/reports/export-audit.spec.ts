/**
 * Every export of report data leaves exactly one `export.report` audit row (who, what, rows): the
 * console's conversation log, figures (JSON) and files, and `kotae report log | --out | --json`.
 */
import assert from 'node:assert/strict';
import path from 'node:path';
import { runReportCommand, type ReportCommandDeps } from '../../../adapters/cli/report';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import type { SqlAuditLog } from '../../../db/repositories/sql-audit-log';
import { modelRows, ReportService } from '../../../reports';
import { testAuditLog } from '../../helpers/audit';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';
import { tempDir } from '../../helpers/temp-dir';
import { NOW_AFTER_MAY } from './fixture';
import { memoryData, ORGANIZATION } from './helpers';

describe('export audit (export.report)', () => {
  let db: TempSqlite;
  let dir: ReturnType<typeof tempDir>;
  let audit: SqlAuditLog;
  const clock = new FakeClock(NOW_AFTER_MAY);
  const parts = () => ({
    data: memoryData(),
    store: new SqlReportStore(db.ds),
    calendar: new BusinessCalendar(),
    slaPolicy: DEFAULT_SLA_POLICY,
    organization: ORGANIZATION,
    clock,
    audit,
  });
  const rows = async () =>
    (await audit.recent(20)).reverse().map((r) => [r.actor, r.action, r.target, r.detail] as const);
  beforeEach(async () => {
    db = await tempSqlite();
    dir = tempDir('kotae-export-audit-');
    audit = testAuditLog(db.ds, () => clock.now());
  });
  afterEach(async () => {
    await db.close();
    dir.cleanup();
  });

  it('audits the console exports once each: conversation log, figures (JSON) and a file', async () => {
    const service = new ReportService({ ...parts(), reportsDir: dir.dir });
    const saved = await service.generate('monthly', '2026-05', 'sato');
    const log = service.conversationLog('2026-05-01', '2026-05-31', { actor: 'kato', showConfidential: false });
    for await (const chunk of log.chunks) assert.ok(chunk.length > 0);
    await service.exportModel('monthly', '2026-05', { actor: 'kato' });
    await service.filePath('monthly', '2026-05', 'monthly-2026-05.xlsx', 'kato');
    const tableRows = modelRows(saved.model);
    assert.ok(tableRows > 10);
    assert.deepEqual(await rows(), [
      ['sato', 'report.generate', 'monthly-2026-05', { files: saved.files.length }],
      [
        'kato',
        'export.report',
        'conversation-log-260501-260531',
        { report: 'conversation-log', period: '260501-260531', format: 'csv', rows: 8, complete: true },
      ],
      [
        'kato',
        'export.report',
        'monthly-2026-05',
        { report: 'monthly', period: '2026-05', format: 'json', rows: tableRows },
      ],
      [
        'kato',
        'export.report',
        'monthly-2026-05',
        { report: 'monthly', period: '2026-05', format: 'xlsx', rows: tableRows, file: 'monthly-2026-05.xlsx' },
      ],
    ]);
    assert.equal((await audit.verify()).ok, true);
  });

  it('audits a conversation log its reader stopped early, with the rows handed out', async () => {
    const service = new ReportService({ ...parts(), reportsDir: dir.dir });
    const log = service.conversationLog('2026-05-01', '2026-05-31', { actor: 'kato', showConfidential: true });
    await log.chunks.next();
    await log.chunks.next();
    await log.chunks.return(undefined);
    assert.deepEqual(await rows(), [
      [
        'kato',
        'export.report',
        'conversation-log-260501-260531',
        { report: 'conversation-log', period: '260501-260531', format: 'csv', rows: 8, complete: false },
      ],
    ]);
  });

  it('audits kotae report log, --out and --json as cli with the OS user; a stored generate is not an export', async () => {
    let stdout = '';
    const deps: ReportCommandDeps = {
      ...parts(),
      outDirDefault: path.join(dir.dir, 'reports'),
      out: (s) => {
        stdout += s;
      },
      err: () => undefined,
      osUser: 'kotae-ops',
    };
    const out = path.join(dir.dir, 'export');
    assert.equal(await runReportCommand(['log', '--from', '2026-05-01', '--to', '2026-05-31'], deps), 0);
    assert.equal(await runReportCommand(['monthly', '2026-05', '--out', out], deps), 0);
    stdout = '';
    assert.equal(await runReportCommand(['monthly', '2026-05', '--json'], deps), 0);
    const tableRows = modelRows(JSON.parse(stdout));
    assert.equal(await runReportCommand(['monthly', '2026-05'], deps), 0);
    const actual = await rows();
    assert.deepEqual(actual.slice(0, 3), [
      [
        'cli',
        'export.report',
        'conversation-log-260501-260531',
        {
          report: 'conversation-log',
          period: '260501-260531',
          format: 'csv',
          rows: 8,
          complete: true,
          osUser: 'kotae-ops',
        },
      ],
      [
        'cli',
        'export.report',
        'monthly-2026-05',
        { report: 'monthly', period: '2026-05', format: 'xlsx+pdf+csv+json', rows: tableRows, osUser: 'kotae-ops' },
      ],
      [
        'cli',
        'export.report',
        'monthly-2026-05',
        { report: 'monthly', period: '2026-05', format: 'json', rows: tableRows, osUser: 'kotae-ops' },
      ],
    ]);
    assert.deepEqual(
      actual.slice(3).map((r) => [r[0], r[1]]),
      [['cli', 'report.generate']],
    );
  });
});
