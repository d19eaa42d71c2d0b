import { SqlReportStore } from '../../../db/repositories/sql-report-store';
import { reportStoreContract } from '../reports/report-store-contract';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

for (const kind of TEST_DB_KINDS) {
  describe(`SqlReportStore (${kind})`, () => {
    const t = useTestDb(kind);
    reportStoreContract(`SqlReportStore on ${kind}`, async () => {
      await t.db.reset();
      return new SqlReportStore(t.db.ds);
    });
  });
}
