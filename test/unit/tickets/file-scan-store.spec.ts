/** The FileScanStore suite on the in-memory fake and on SqlFileScans (SQLite, PostgreSQL and SQL Server when set). */
import { SqlFileScans } from '../../../db';
import { fileScanStoreContract } from '../../contracts/file-scan-store.contract';
import { InMemoryFileScans } from '../../fakes/in-memory-file-scans';
import { describeEachDb } from '../../helpers/databases';

fileScanStoreContract('InMemoryFileScans', async () => ({ store: new InMemoryFileScans(), close: async () => {} }));

describeEachDb('SqlFileScans', (each) => {
  fileScanStoreContract('SqlFileScans', async () => ({
    store: new SqlFileScans(each.db.ds),
    close: () => each.db.reset(),
  }));
});
