/** Reports are audited (issue 11): generation, 課題・対策 edits, finalisation and downloads, each once, with the actor. */
import assert from 'node:assert/strict';
import { BusinessCalendar, DEFAULT_SLA_POLICY } from '../../../calendar';
import { FakeClock } from '../../../core/clock';
import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import { ReportService } from '../../../reports';
import { testAuditLog } from '../../helpers/audit';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';
import { tempDir } from '../../helpers/temp-dir';
import { jst } from './fixture';
import { memoryData, ORGANIZATION } from './helpers';

describe('ReportService with the audit log', () => {
  let db: TempSqlite;
  let dir: ReturnType<typeof tempDir>;
  beforeEach(async () => {
    db = await tempSqlite();
    dir = tempDir('kotae-report-audit-');
  });
  afterEach(async () => {
    await db.close();
    dir.cleanup();
  });

  it('audits generate, edit, finalize and a download once each, in a verifiable chain', async () => {
    const clock = new FakeClock(jst('2026-06-01 07:00'));
    const audit = testAuditLog(db.ds, () => clock.now());
    const service = new ReportService({
      data: memoryData(),
      store: new SqlReportStore(db.ds),
      reportsDir: dir.dir,
      calendar: new BusinessCalendar(),
      slaPolicy: DEFAULT_SLA_POLICY,
      organization: ORGANIZATION,
      clock,
      audit,
    });
    const generated = await service.generate('monthly', '2026-05', 'sato');
    const edited = await service.updateIssues('monthly', '2026-05', '課題なし', generated.version, 'sato');
    await service.markFinal('monthly', '2026-05', edited.version, 'admin');
    await service.filePath('monthly', '2026-05', generated.files[0], 'kato');
    await service.filePath('monthly', '2026-05', generated.files[0]);
    const rows = (await audit.recent(10)).reverse();
    assert.deepEqual(
      rows.map((r) => [r.actor, r.action, r.target]),
      [
        ['sato', 'report.generate', 'monthly-2026-05'],
        ['sato', 'report.edit', 'monthly-2026-05'],
        ['admin', 'report.finalize', 'monthly-2026-05'],
        ['kato', 'export.report', 'monthly-2026-05'],
      ],
    );
    assert.equal((await audit.verify()).ok, true);
  });
});
