/**
 * Follow-up questions in one conversation (「スマホの場合は？」「それでもだめなら？」): a short question
 * that leans on the one before is searched together with the previous question, and the reply
 * names the topic it continued. A question that stands on its own is searched alone.
 */
import type { KnowledgeSearch, Retrieval } from './ports';

/** A previous question older than this does not give context (a new subject, likely). */
export const FOLLOW_UP_WINDOW_MS = 30 * 60 * 1000;

// Words that point back to what was said (それ, その, この…), or that only make sense after it.
const LEANS_BACK =
  /^(それ|その|この|そっち|そちら|あと|では|じゃあ|じゃ|なら|でも|ちなみに|また|ほか|他)|(場合|とき|時|なら|ときは|だと|では|って|も|には)[はっ]?[?？]?$|[はも][?？]$|だめ[なだ]?ら/;
/**
 * A follow-up with no subject of its own (「それでもだめなら？」「それでも直らない場合は」): it can only
 * continue the previous question, so the combined search is taken as it is.
 */
const NO_SUBJECT =
  /^(それ|これ|あれ|そう)(でも|で|じゃ|しても|やっても|試しても)?(まだ)?(だめ|ダメ|駄目|無理|むり|直らない|なおらない|解決しない|うまくいかない|できない)(な|だった|の)?(ら|場合|とき|時)?(は|には)?(どう(すれば|したら)(いい|よい)?(ですか|の)?)?[?？。]?$/;
/** Questions longer than this are taken to carry their own subject. */
const MAX_FOLLOW_UP_CHARS = 20;

/** Whether a question reads as a follow-up of the previous one. */
export function looksLikeFollowUp(question: string): boolean {
  const q = question.trim();
  return q.length <= MAX_FOLLOW_UP_CHARS && LEANS_BACK.test(q);
}

/** The text to search, and the previous question when it was used as context. */
export interface FollowUpQuery {
  text: string;
  continued?: string;
  /** The retrieval of `text`, when it was already searched. */
  retrieval?: Retrieval;
  /**
   * A follow-up without a subject of its own after an answer that did not help (「それでもだめなら？」): the entries
   * shown before are left out of `retrieval`, and the reply is at most a list of the other candidates.
   */
  afterShown?: boolean;
}

/**
 * Searches a follow-up with its previous question: the combined search's first hit that the
 * follow-up alone also finds (its own subject within the previous topic) comes first. Kept when it
 * is at least as confident as the follow-up alone; a follow-up that is really a new subject is
 * searched alone.
 */
export async function followUpQuery(
  knowledge: KnowledgeSearch,
  question: string,
  previous: string | undefined,
  k = 5,
  shown: ReadonlySet<string> = new Set(),
): Promise<FollowUpQuery> {
  if (!previous || !looksLikeFollowUp(question)) return { text: question };
  const combined = `${previous} ${question}`;
  if (NO_SUBJECT.test(question.trim())) {
    const joined = await knowledge.search(combined, { k: k + shown.size });
    // The answer already given did not help: not that answer again.
    const others = joined.hits.filter((h) => !shown.has(h.chunk.documentId));
    if (others.length === joined.hits.length) return { text: combined, continued: previous, retrieval: joined };
    return {
      text: combined,
      continued: previous,
      // Nothing else found: nothing to offer but a person.
      retrieval: { ...joined, hits: others.slice(0, k), confidence: others.length > 0 ? joined.confidence : 0 },
      afterShown: true,
    };
  }
  const [alone, joined] = await Promise.all([
    knowledge.search(question, { k: 10 }),
    knowledge.search(combined, { k: 10 }),
  ]);
  // The follow-up's own subject within the previous topic: a combined hit the follow-up alone finds too.
  const found = new Set(alone.hits.slice(0, 5).map((h) => h.chunk.documentId));
  const at = joined.hits.findIndex((h) => found.has(h.chunk.documentId));
  // Nothing in common: a new subject that only looks like a follow-up (「明日の天気は？」).
  if (at < 0) return { text: question, retrieval: { ...alone, hits: alone.hits.slice(0, k) } };
  const hits = at > 0 ? [joined.hits[at]!, ...joined.hits.filter((_, i) => i !== at)] : joined.hits;
  // Moved up from below: as sure as the less sure of the two searches.
  const confidence = at > 0 ? Math.min(joined.confidence, alone.confidence) : joined.confidence;
  if (confidence < alone.confidence) return { text: question, retrieval: { ...alone, hits: alone.hits.slice(0, k) } };
  return { text: combined, continued: previous, retrieval: { ...joined, hits: hits.slice(0, k), confidence } };
}
