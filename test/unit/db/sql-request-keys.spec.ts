import { SqlRequestKeys } from '../../../db';
import { requestKeyStoreContract } from '../../contracts/request-key-store.contract';
import { InMemoryRequestKeys } from '../../fakes/in-memory-request-keys';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

requestKeyStoreContract('InMemoryRequestKeys', async () => new InMemoryRequestKeys());

for (const kind of TEST_DB_KINDS) {
  describe(`SqlRequestKeys on ${kind}`, () => {
    const t = useTestDb(kind);
    requestKeyStoreContract(`SqlRequestKeys on ${kind}`, async () => {
      await t.db.reset();
      return new SqlRequestKeys(t.db.ds);
    });
  });
}
