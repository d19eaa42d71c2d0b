/** The web chat's history as a page reads it: `GET /api/conversations/:id/messages`, for the API specs. */
import assert from 'node:assert/strict';

/** One line of the history. */
export interface HistoryLine {
  index: number;
  role: string;
  text: string;
  at?: string;
  outcome?: string;
  notice?: string;
  sources?: { title: string; url?: string; snippet: string }[];
  [key: string]: unknown;
}

/** One page of the history. */
export interface HistoryPage {
  messages: HistoryLine[];
  total: number;
  lastAnswer?: any;
}

/** Reads `query` (default `after=0`) of conversation `id` with its secret header; asserts 200. */
export async function conversationHistory(
  baseUrl: string,
  id: string,
  secret: Record<string, string>,
  query = 'after=0',
): Promise<HistoryPage> {
  const res = await fetch(`${baseUrl}/api/conversations/${id}/messages?${query}`, { headers: secret });
  assert.equal(res.status, 200);
  return (await res.json()) as HistoryPage;
}
