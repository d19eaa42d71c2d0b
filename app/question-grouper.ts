/**
 * The reports' よくある質問 grouped like the console's 未回答の質問: variants of one question are
 * counted together under their most frequent wording (the knowledge layer's clusters).
 */
import { clusterQuestions } from '../knowledge';
import type { QuestionGrouper } from '../reports';
import type { KnowledgeRuntime } from './knowledge-runtime';

/** Distinct wordings clustered at most (the rest, rarer ones, are counted as written). */
const MAX_DISTINCT = 2000;

/** A grouper over the runtime's analyzer and synonym expander. */
export function questionGrouper(knowledge: Pick<KnowledgeRuntime, 'analyzer' | 'expander'>): QuestionGrouper {
  return (texts) => {
    const counts = new Map<string, number>();
    for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
    const distinct = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    const head = distinct.slice(0, MAX_DISTINCT);
    // Distinct wordings, most frequent first: each is analysed once, and a cluster's first member
    // (its representative) is its most frequent wording.
    const items = head.map(([text, count]) => ({ text, count }));
    const grouped = clusterQuestions(items, knowledge.analyzer, { expander: knowledge.expander }).map((c) => ({
      text: c.representative,
      count: c.members.reduce((n, m) => n + m.count, 0),
    }));
    const rest = distinct.slice(MAX_DISTINCT).map(([text, count]) => ({ text, count }));
    return [...grouped, ...rest].sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : 1));
  };
}
