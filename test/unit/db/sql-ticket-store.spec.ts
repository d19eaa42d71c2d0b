import assert from 'node:assert/strict';
import { SqlAttachmentStore, SqlTicketStore } from '../../../db';
import { SqlTicketOutbox } from '../../../db/repositories/sql-ticket-outbox';
import { newTicket, ticketStoreContract } from '../../contracts/ticket-store.contract';
import { TEST_DB_KINDS, useTestDb } from '../../helpers/databases';
import { tempSqlite } from '../../helpers/sqlite';

for (const kind of TEST_DB_KINDS) {
  describe(`SqlTicketStore on ${kind}`, () => {
    const t = useTestDb(kind);
    ticketStoreContract(`SqlTicketStore on ${kind}`, async (now) => {
      await t.db.reset();
      return { store: new SqlTicketStore(t.db.ds, now), outbox: new SqlTicketOutbox(t.db.ds), close: async () => {} };
    });
  });
}

describe('SqlTicketStore.create and attachments held on the conversation', () => {
  it('moves the held files of the conversation to the new ticket in the same transaction', async () => {
    const db = await tempSqlite();
    try {
      const rows = new SqlAttachmentStore(db.ds);
      const held = await rows.add({
        conversationId: 'conv-1',
        kind: 'requester',
        fileName: 'error.log',
        contentType: 'text/plain; charset=utf-8',
        sizeBytes: 12,
        sha256: 'e'.repeat(64),
        uploadedBy: '山田 花子',
      });
      await rows.add({ ...held, conversationId: 'conv-2' });
      const ticket = await new SqlTicketStore(db.ds).create(newTicket({ conversationId: 'conv-1' }), 'bot');
      assert.deepEqual(
        (await rows.list(ticket.id)).map((a) => a.id),
        [held.id],
      );
      assert.equal((await rows.listForConversation('conv-2'))[0].ticketId, undefined);
    } finally {
      await db.close();
    }
  });
});
