import { InitialSchema1763700000000 } from './1763700000000-initial-schema';
import { TicketConversation1764100000000 } from './1764100000000-ticket-conversation';

/** Every migration in order. Add new ones at the end; never edit one that has shipped. */
export const MIGRATIONS = [InitialSchema1763700000000, TicketConversation1764100000000];
