/**
 * The clauses of a long question (issue 13, long questions with context): staff often say where they
 * are and what happened before they ask (「4月に異動で来たんですが、最初のパスワードはどこに書いてありますか」).
 * The words of the context are not in the FAQ that answers the asking clause, so the share of the whole
 * question an entry covers understates a right answer; the confidence also reads the best clause's share.
 */

/** Shortest question (in characters) read clause by clause: shorter ones are one clause. */
export const MIN_CLAUSED_CHARS = 25;

const CUT = '\u0000';
// Ends of context clauses (…んですが, …ので, …けど), commas and sentence ends.
const CONTEXT_END = /(?:んですが|のですが|ですが|ますが|けれども|けれど|けど|ので(?!す))[、，,]?/gu;
const COMMA = /(?<!\u0000)[、，,]/gu;
const SENTENCE_END = /[。！？!?\n]+/gu;

/** The clauses of a question of at least {@link MIN_CLAUSED_CHARS} characters (none for a shorter or one-clause one). */
export function questionClauses(question: string): string[] {
  if (question.length < MIN_CLAUSED_CHARS) return [];
  const clauses = question
    .replace(CONTEXT_END, `$&${CUT}`)
    .replace(COMMA, `$&${CUT}`)
    .replace(SENTENCE_END, CUT)
    .split(CUT)
    .map((c) => c.trim())
    .filter((c) => c.length >= 2);
  return clauses.length >= 2 ? clauses : [];
}
