/** The OpenStampStore suite on the in-memory fake and on SqlOpenStamps (SQLite, PostgreSQL and SQL Server when set). */
import { SqlOpenStamps } from '../../../db';
import { InMemoryOpenStamps } from '../../fakes/in-memory-open-stamps';
import { openStampStoreContract } from '../../contracts/open-stamp-store.contract';
import { describeEachDb } from '../../helpers/databases';

openStampStoreContract('InMemoryOpenStamps', async (now) => ({
  store: new InMemoryOpenStamps(now),
  close: async () => {},
}));

describeEachDb('SqlOpenStamps', (each) => {
  openStampStoreContract('SqlOpenStamps', async (now) => ({
    store: new SqlOpenStamps(each.db.ds, now),
    close: () => each.db.reset(),
  }));
});
