import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import { reportStoreContract } from '../reports/report-store-contract';
import { openTestDb, type TestDb } from '../reports/sql-seed';

describe('SqlReportStore (SQLite file)', () => {
  const dbs: TestDb[] = [];
  after(async () => {
    for (const db of dbs) await db.close();
  });
  reportStoreContract('SqlReportStore', async () => {
    const db = await openTestDb();
    dbs.push(db);
    return new SqlReportStore(db.ds);
  });
});
