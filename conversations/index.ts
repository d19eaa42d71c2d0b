/**
 * The records and ports of a conversation with a staff member (channel, requester, transcript, question
 * log, replies), shared by the conversation core (bot/) and the desk (tickets/). Types and constants, and the
 * append watchers every ConversationStore reports its appended lines to (append-watch.ts).
 */
export * from './records';
export * from './ports';
export * from './open-stamps';
export * from './append-watch';
