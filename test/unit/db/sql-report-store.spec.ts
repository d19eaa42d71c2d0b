import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import { reportStoreContract } from '../reports/report-store-contract';
import { tempSqlite, type TempSqlite } from '../../helpers/sqlite';

describe('SqlReportStore (SQLite file)', () => {
  const dbs: TempSqlite[] = [];
  after(async () => {
    for (const db of dbs) await db.close();
  });
  reportStoreContract('SqlReportStore', async () => {
    const db = await tempSqlite();
    dbs.push(db);
    return new SqlReportStore(db.ds);
  });
});
