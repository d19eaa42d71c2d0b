/** Web chat sign-ins on every database the suites cover, and the in-memory fake: the WebSessionStore contract. */
import { SqlWebSessions } from '../../../db/repositories/sql-web-sessions';
import { webSessionStoreContract } from '../../contracts/web-session-store.contract';
import { InMemoryWebSessionStore } from '../../fakes/in-memory-web-session-store';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

webSessionStoreContract('InMemoryWebSessionStore', async () => new InMemoryWebSessionStore());

for (const kind of TEST_DB_KINDS) {
  describe(`SqlWebSessions on ${kind}`, () => {
    const t = useTestDb(kind);
    webSessionStoreContract(`SqlWebSessions on ${kind}`, async () => {
      await t.db.reset();
      return new SqlWebSessions(t.db.ds);
    });
  });
}
