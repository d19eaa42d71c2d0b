import { InMemoryTicketStore } from '../../fakes/in-memory-ticket-store';
import { ticketStoreContract } from '../../contracts/ticket-store.contract';

ticketStoreContract('InMemoryTicketStore', async (now) => {
  const store = new InMemoryTicketStore(now);
  return { store, outbox: store, close: async () => undefined };
});
