/** Console sessions on every database the suites cover, and the in-memory fake: the SessionStore contract. */
import { SqlSessionStore } from '../../../db/repositories/sql-session-store';
import { sessionStoreContract } from '../../contracts/session-store.contract';
import { InMemorySessionStore } from '../../fakes/in-memory-session-store';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

sessionStoreContract('InMemorySessionStore', async () => new InMemorySessionStore());

for (const kind of TEST_DB_KINDS) {
  describe(`SqlSessionStore on ${kind}`, () => {
    const t = useTestDb(kind);
    sessionStoreContract(`SqlSessionStore on ${kind}`, async () => {
      await t.db.reset();
      return new SqlSessionStore(t.db.ds);
    });
  });
}
