/**
 * A question that is, word for word, one of an FAQ's questions (typed, or picked from the candidates
 * the bot offered) is answered with that FAQ: whatever the calibrated confidence, the person asked
 * exactly what the entry answers.
 */
import type { Retrieval } from './ports';

/** Width, case, spaces and sentence punctuation do not make two questions different. */
function comparable(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s。．.、,，？?！!「」]+/gu, '');
}

/**
 * Moves the FAQ hit whose question (or an alternate) equals `question` to the top and raises the
 * confidence to `answerAt`; any other retrieval is returned unchanged.
 */
export function preferExactQuestion(question: string, retrieval: Retrieval, answerAt: number): Retrieval {
  const wanted = comparable(question);
  if (!wanted) return retrieval;
  const index = retrieval.hits.findIndex(
    (h) => h.chunk.kind === 'faq' && h.chunk.fields.question.split('\n').some((line) => comparable(line) === wanted),
  );
  if (index < 0) return retrieval;
  const hits = [retrieval.hits[index], ...retrieval.hits.filter((_, i) => i !== index)];
  return { ...retrieval, hits, confidence: Math.max(retrieval.confidence, answerAt) };
}
