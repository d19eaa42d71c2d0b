import { randomUUID } from 'node:crypto';
import { SqlAttachmentStore } from '../../../db';
import type { TicketRow } from '../../../db';
import { attachmentStoreContract } from '../../contracts/attachment-store.contract';
import { tempSqlite } from '../../helpers/sqlite';
import { FakeAttachments } from './fakes';

attachmentStoreContract('FakeAttachments', async () => {
  const store = new FakeAttachments();
  let n = 0;
  return {
    store,
    ticket: async (conversationId, status) => {
      const id = `t-${++n}`;
      if (status !== 'closed') store.openTickets.set(conversationId, id);
      return id;
    },
    close: async () => undefined,
  };
});

attachmentStoreContract('SqlAttachmentStore on SQLite', async () => {
  const db = await tempSqlite();
  let n = 0;
  return {
    store: new SqlAttachmentStore(db.ds),
    ticket: async (conversationId, status) => {
      const id = randomUUID();
      const at = new Date(Date.UTC(2026, 3, 1, 0, ++n));
      await db.ds.getRepository<TicketRow>('ticket').insert({
        id,
        number: `HD-2026-${String(n).padStart(6, '0')}`,
        year: 2026,
        seq: n,
        conversationId,
        status,
        type: 'inquiry',
        priority: 'normal',
        category: 'その他',
        title: 't',
        details: '',
        requesterId: null,
        requesterName: null,
        department: null,
        channel: 'web',
        assignee: null,
        createdAt: at,
        updatedAt: at,
        firstResponseAt: null,
        resolvedAt: null,
        closedAt: status === 'closed' ? at : null,
        incidentCause: null,
        incidentActions: null,
        incidentPrevention: null,
        holds: '[]',
        version: 1,
        dedupeKey: `row:${id}`,
      });
      return id;
    },
    close: () => db.close(),
  };
});
