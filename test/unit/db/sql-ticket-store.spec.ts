import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, openDatabase, SqlTicketStore } from '../../../db';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import { ticketStoreContract } from '../../contracts/ticket-store.contract';

ticketStoreContract('SqlTicketStore on SQLite', async (now) => {
  const dir = mkdtempSync(join(tmpdir(), 'kotae-ticket-'));
  const ds = createDataSource({ kind: 'sqlite', path: join(dir, 'kotae.db') });
  await openDatabase(ds);
  return {
    store: new SqlTicketStore(ds, now),
    outbox: new SqlTicketOutbox(ds),
    close: async () => {
      await ds.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
