/** Turns a retrieval and an outcome into the reply text, sources and choices. */
import type { Retrieval, SearchHit } from '../knowledge';
import type { BotAction, Outcome, SourceRef } from '../conversations';
import { BOT_MESSAGES } from './messages';

/** The parts of a BotReply that depend on the answer. */
export interface ComposedAnswer {
  text: string;
  sources: SourceRef[];
  choices: { label: string; value: string }[];
  actions: BotAction[];
}

const SNIPPET_CHARS = 120;

/** The text a hit answers with: the FAQ answer or the manual chunk. */
export function hitText(hit: SearchHit): string {
  const { answer, body } = hit.chunk.fields;
  return (answer || body).trim();
}

function candidateQuestion(hit: SearchHit): string {
  const first = hit.chunk.fields.question.split('\n')[0]?.trim();
  if (first) return first;
  return [hit.chunk.title, ...hit.chunk.headingPath.slice(-1)].filter(Boolean).join(' › ');
}

/** Source shown with an answer: title (with heading path for manuals), link and a snippet. */
export function toSource(hit: SearchHit): SourceRef {
  const { title, headingPath, page, url } = hit.chunk;
  // A heading that repeats the title (or the heading before it) is shown once.
  const segments = [title, ...headingPath].filter((s, i, all) => s && (i === 0 || !all.slice(0, i).includes(s)));
  // A deck's sections are its slides.
  const slides = url && /\.pptx$/i.test(url.split(/[?#]/)[0] ?? '');
  const pageLabel = page ? (slides ? `（スライド${page}）` : `（${page}ページ）`) : '';
  const text = hitText(hit).replace(/\s+/g, ' ');
  return {
    title: `${segments.join(' › ')}${pageLabel}`,
    // PDF viewers open `#page=N` at that page.
    url: url && page && /\.pdf$/i.test(url.split(/[?#]/)[0] ?? '') && !url.includes('#') ? `${url}#page=${page}` : url,
    snippet: text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS)}…` : text,
    documentId: hit.chunk.documentId,
  };
}

/** Up to `max` distinct candidate questions of the hits, in order. */
function candidateChoices(
  hits: readonly SearchHit[],
  max: number,
  seen = new Set<string>(),
): { label: string; value: string }[] {
  const choices: { label: string; value: string }[] = [];
  for (const hit of hits) {
    const q = candidateQuestion(hit);
    if (!q || seen.has(q)) continue;
    seen.add(q);
    choices.push({ label: q, value: q });
    if (choices.length === max) break;
  }
  return choices;
}

/** Sources without a repeated link: two sections of one manual are one link to open (the first kept). */
function distinctLinks(sources: SourceRef[]): SourceRef[] {
  const seen = new Set<string>();
  return sources.filter((s) => !s.url || (!seen.has(s.url) && Boolean(seen.add(s.url))));
}

/** Composes the reply for an outcome. */
export function composeAnswer(outcome: Outcome, retrieval: Retrieval): ComposedAnswer {
  const hits = retrieval.hits;
  if (outcome === 'answered' && hits[0]) {
    const top = hits[0];
    const related = hits
      .slice(1, 3)
      .filter((h) => h.chunk.documentId !== top.chunk.documentId && h.score >= top.score * 0.6);
    return {
      text: hitText(top),
      sources: [top, ...related].map(toSource),
      choices: [],
      actions: ['resolved', 'not_resolved', 'escalate'],
    };
  }
  if (outcome === 'tentative' && hits[0]) {
    // The top answer as a proposal; the next candidates (other documents) to pick instead.
    const top = hits[0];
    const others = hits.filter((h) => h.chunk.documentId !== top.chunk.documentId);
    return {
      text: BOT_MESSAGES.tentative(hitText(top)),
      sources: [toSource(top)],
      choices: candidateChoices(others, 2, new Set([candidateQuestion(top)])),
      actions: ['resolved', 'not_resolved', 'escalate'],
    };
  }
  if (outcome === 'clarify' && hits.length > 0) {
    return {
      text: BOT_MESSAGES.clarify,
      sources: distinctLinks(hits.slice(0, 3).map(toSource)),
      choices: candidateChoices(hits, 3),
      actions: ['escalate'],
    };
  }
  return { text: BOT_MESSAGES.noAnswer, sources: [], choices: [], actions: ['escalate'] };
}

/** A citation [n] of a generated answer (full-width brackets and digits too), with the space before it. */
export const CITATION = /\s?[［[]\s*([0-9０-９]+)\s*[］\]]/g;

/** The number of a citation's digits (full-width folded). */
export function citationNumber(digits: string): number {
  return Number(digits.normalize('NFKC'));
}

/**
 * Renumbers the citations [n] of a generated answer (n = position among the hits the model saw)
 * to the positions of the sources shown with the answer, matched by document; a citation of a
 * document not shown is dropped, and a repeated citation collapsed.
 */
export function citeShownSources(text: string, hits: readonly SearchHit[], shown: readonly SourceRef[]): string {
  const renumbered = text.replace(CITATION, (marker, digits: string) => {
    const n = citationNumber(digits);
    const hit = hits[n - 1];
    const at = hit ? shown.findIndex((s) => s.documentId === hit.chunk.documentId) : -1;
    return at < 0 ? '' : `${marker.startsWith(' ') ? ' ' : ''}[${at + 1}]`;
  });
  return renumbered.replace(/(\[\d+\])(\s?\1)+/g, '$1');
}
