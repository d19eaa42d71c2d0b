import { SqlConfidentialRoster } from '../../../db/repositories/sql-confidential-roster';
import { confidentialRosterContract } from '../../contracts/confidential-roster.contract';
import { InMemoryConfidentialRoster } from '../../fakes/in-memory-confidential-roster';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

confidentialRosterContract('InMemoryConfidentialRoster', async () => new InMemoryConfidentialRoster());

for (const kind of TEST_DB_KINDS) {
  describe(`SqlConfidentialRoster on ${kind}`, () => {
    const t = useTestDb(kind);
    confidentialRosterContract(`SqlConfidentialRoster on ${kind}`, async () => {
      await t.db.reset();
      return new SqlConfidentialRoster(t.db.ds);
    });
  });
}
