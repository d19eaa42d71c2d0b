import { SqlTicketStore } from '../../../db';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import { ticketStoreContract } from '../../contracts/ticket-store.contract';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';

for (const kind of TEST_DB_KINDS) {
  describe(`SqlTicketStore on ${kind}`, () => {
    const t = useTestDb(kind);
    ticketStoreContract(`SqlTicketStore on ${kind}`, async (now) => {
      await t.db.reset();
      return { store: new SqlTicketStore(t.db.ds, now), outbox: new SqlTicketOutbox(t.db.ds), close: async () => {} };
    });
  });
}
