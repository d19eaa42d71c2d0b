/**
 * Which question of the log each answer line of a transcript shows, so a reloaded chat (or an older page of it)
 * renders every answer with the sources it was shown with, not only the last one. The transcript's lines name no
 * question: recordQuestion writes the question as a 'user' line and its answer as the 'bot' line right after it,
 * in one transaction, with exactly the log's `text` and `answer`; so the pairs are matched by those two texts, in
 * order. One read of the question log serves a whole page.
 */
import type { ConversationStore, QuestionRecord, TranscriptEntry } from '../conversations';
import { maskNotice } from '../privacy';
import { TICKET_MESSAGES } from '../tickets';

/** The key of a question and its answer as both are written into the transcript. */
const pairKey = (question: string, answer: string) => JSON.stringify([question, answer]);

/**
 * The question each answer line of `lines` (a whole transcript) shows, by line index. A 'bot' line that matches no
 * logged question (a refused question's, a typed はい's acknowledgement) is left out.
 */
export function answersByLine(
  lines: readonly TranscriptEntry[],
  log: readonly QuestionRecord[],
): Map<number, QuestionRecord> {
  const waiting = new Map<string, QuestionRecord[]>();
  for (const q of log) {
    const key = pairKey(q.text, q.answer);
    waiting.set(key, [...(waiting.get(key) ?? []), q]);
  }
  const shown = new Map<number, QuestionRecord>();
  for (let i = 1; i < lines.length; i += 1) {
    const [asked, answered] = [lines[i - 1]!, lines[i]!];
    if (answered.role !== 'bot' || asked.role !== 'user') continue;
    // The same question with the same answer twice: the older line shows the older entry.
    const q = waiting.get(pairKey(asked.text, answered.text))?.shift();
    if (q) shown.set(i, q);
  }
  return shown;
}

/**
 * The questions shown by the answer lines among `indexes` (lines of `lines`, the whole transcript), read with one
 * query — none when no 'bot' line is among them (a poll for the desk's replies).
 */
export async function answersOnPage(
  conversations: Pick<ConversationStore, 'questionLog'>,
  conversationId: string,
  lines: readonly TranscriptEntry[],
  indexes: readonly number[],
): Promise<Map<number, QuestionRecord>> {
  if (!indexes.some((i) => lines[i]?.role === 'bot')) return new Map();
  const all = answersByLine(lines, await conversations.questionLog(conversationId));
  return new Map(indexes.flatMap((i) => (all.has(i) ? [[i, all.get(i)!] as const] : [])));
}

/**
 * The notice the answer to `q` was shown below when personal data was masked in the question (「※ 個人情報と思われる
 * 内容（…）は記録せずに伏せ字にしました。…」), from the types the question log kept; undefined when nothing was masked.
 * The transcript's answer line holds the answer alone, as the question log does.
 */
export function maskedNoticeOf(q: QuestionRecord): string | undefined {
  return maskNotice(q.maskedTypes ?? []) || undefined;
}

/**
 * The notices the answer to `q` was shown below, as one text in the order shown live (withNotices): the
 * personal-data notice, then what ボットに質問する did to the message on its ticket (「お問い合わせ HD-… への追記を
 * 取り消しました。…」 / 「…取り消さずに残しています。…」), from what the question log kept; undefined when none.
 */
export function answerNoticeOf(q: QuestionRecord): string | undefined {
  const taken = q.takenBack;
  const ticket = taken
    ? (taken.kind === 'withdrawn' ? TICKET_MESSAGES.withdrawnForBot : TICKET_MESSAGES.keptForBot)(taken.ticketNumber)
    : undefined;
  return [maskedNoticeOf(q), ticket].filter(Boolean).join('\n\n') || undefined;
}
