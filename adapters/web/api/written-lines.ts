/**
 * Which lines of the conversation's history a web chat request wrote, named in a response header so the
 * page that sent it leaves them out when it polls the history (it showed them from the response), while
 * every other open page of the conversation shows them from the poll. The JSON bodies stay as they were.
 */
import type { Response } from 'express';
import type { ConversationStore } from '../../../conversations';

/**
 * The header: the indexes (as in `GET /api/conversations/:id/messages`) of the lines the request wrote, comma
 * separated, empty when it wrote none.
 */
export const LINES_HEADER = 'x-kotae-lines';

/** A request's writes about one conversation, and the lines they appended. */
export interface WrittenLines {
  /** Runs `write`, hearing the lines it appends (the store tells each request its own, nothing read). */
  during<T>(write: () => Promise<T>): Promise<T>;
  /** Names in `res` the lines heard so far. */
  name(res: Response): void;
}

/**
 * Watches the lines a request writes into `conversationId`'s history: only those its own writes appended — not a
 * line another page of the conversation wrote at the very same moment — and never the desk's replies (they are
 * delivered on their own).
 */
export function watchWrittenLines(
  conversations: Pick<ConversationStore, 'watchAppends'>,
  conversationId: string,
): WrittenLines {
  const indexes: number[] = [];
  return {
    during: (write) =>
      conversations.watchAppends((line) => {
        if (line.conversationId === conversationId && line.role !== 'operator') indexes.push(line.index);
      }, write),
    name: (res) => {
      res.setHeader(LINES_HEADER, [...indexes].sort((a, b) => a - b).join(','));
    },
  };
}

/** A request that wrote nothing (an expired button). */
export function nameNoLines(res: Response): void {
  res.setHeader(LINES_HEADER, '');
}
