/** The FileScanStore suite on the in-memory fake and on SqlFileScans (SQLite, PostgreSQL and SQL Server when set). */
import { SqlAttachmentStore, SqlFileScans, SqlQuarantineList } from '../../../db';
import { fileScanStoreContract } from '../../contracts/file-scan-store.contract';
import { InMemoryFileScans } from '../../fakes/in-memory-file-scans';
import { describeEachDb } from '../../helpers/databases';

fileScanStoreContract('InMemoryFileScans', async () => {
  const referenced = new Set<string>();
  const store = new InMemoryFileScans((sha) => referenced.has(sha));
  return {
    store,
    on: (instance) => store.on(instance),
    reference: async (sha) => void referenced.add(sha),
    close: async () => {},
  };
});

describeEachDb('SqlFileScans', (each) => {
  fileScanStoreContract('SqlFileScans', async () => ({
    store: new SqlFileScans(each.db.ds),
    on: (instance) => new SqlFileScans(each.db.ds, { instance }),
    list: new SqlQuarantineList(each.db.ds),
    reference: async (sha256) => {
      const rows = new SqlAttachmentStore(each.db.ds);
      await rows.add({
        kind: 'requester',
        fileName: 'a.log',
        contentType: 'text/plain',
        sizeBytes: 1,
        sha256,
        uploadedBy: 'x',
      });
    },
    close: () => each.db.reset(),
  }));
});
