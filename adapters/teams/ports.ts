/** The ports the Teams channel uses besides Helpdesk and ConversationStore (declared in bot/ and conversations/). */
export type { DirectoryLookup } from '../../bot';
