/**
 * What a ticket opened from a conversation is titled by: the newest question put to the bot — a requester line the
 * bot replied to right after, with an answer or with the refusal of a question the knowledge base could not search
 * — else the first requester line, else the details typed.
 */
import { cutText } from '../core';
import type { QuestionRecord, TranscriptEntry } from '../conversations';

/** Longest ticket title. */
const TITLE_CHARS = 80;

/** The newest requester line answered by a 'bot' line (a logged question or a refused one). */
function newestQuestion(transcript: readonly TranscriptEntry[]): string | undefined {
  for (let i = transcript.length - 2; i >= 0; i -= 1)
    if (transcript[i]!.role === 'user' && transcript[i + 1]!.role === 'bot') return transcript[i]!.text;
  return undefined;
}

/**
 * The title of a ticket opened from `transcript`, and the question log's category guess — only when its last
 * question `last` is that newest question (a refused question, not in the log, has no guess).
 */
export function ticketSubject(
  transcript: readonly TranscriptEntry[],
  last: QuestionRecord | undefined,
  details: string,
): { title: string; categoryGuess?: string } {
  const newest = newestQuestion(transcript);
  const firstUserLine = transcript.find((l) => l.role === 'user')?.text;
  const title = cutText((newest ?? last?.text ?? firstUserLine ?? details).replace(/\s+/g, ' '), TITLE_CHARS);
  const logged = newest === undefined || newest === last?.text ? last : undefined;
  return { title, categoryGuess: logged?.categoryGuess };
}
