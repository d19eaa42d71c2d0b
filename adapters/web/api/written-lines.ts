/**
 * Which lines of the conversation's history a web chat request wrote, named in a response header so the
 * page that sent it leaves them out when it polls the history (it showed them from the response), while
 * every other open page of the conversation shows them from the poll. The JSON bodies stay as they were.
 */
import type { Response } from 'express';
import type { ConversationStore } from '../../../conversations';

/**
 * The header: the indexes (as in `GET /api/conversations/:id/messages`) of the lines the request wrote, comma
 * separated, empty when it wrote none. Absent when the history could not be read; the page then falls back.
 */
export const LINES_HEADER = 'x-kotae-lines';

/** The history's length before a request writes, or undefined when it cannot be read now (no header then). */
export async function historyLength(
  conversations: Pick<ConversationStore, 'transcript'>,
  conversationId: string,
): Promise<number | undefined> {
  // A read that fails (database busy) must not fail the request: the header is only a hint for the page.
  return conversations.transcript(conversationId).then(
    (lines) => lines.length,
    () => undefined,
  );
}

/**
 * Names in `res` the lines written since the history was `before` lines long. The desk's replies are never the
 * request's own (they are delivered on their own); a line another page of the conversation wrote at the very same
 * moment would be counted too.
 */
export async function nameWrittenLines(
  res: Response,
  conversations: Pick<ConversationStore, 'transcript'>,
  conversationId: string,
  before: number | undefined,
): Promise<void> {
  if (before === undefined) return;
  const lines = await conversations.transcript(conversationId).catch(() => undefined);
  if (!lines) return;
  const written = lines.flatMap((line, index) => (index >= before && line.role !== 'operator' ? [index] : []));
  res.setHeader(LINES_HEADER, written.join(','));
}

/** A request that wrote nothing (an expired button). */
export function nameNoLines(res: Response): void {
  res.setHeader(LINES_HEADER, '');
}
