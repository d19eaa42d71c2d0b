/** The ports the Teams channel uses besides Helpdesk and ConversationStore (declared in bot/). */
export type { DirectoryLookup } from '../../bot';
