/**
 * The answer policy with a language model reading the sources: when a chat model is configured,
 * the retrieval's confidence only decides whether the model is asked. The model then answers from
 * the top sources, or says they do not contain the answer; that semantic check (which word
 * statistics cannot make: 休日の印鑑登録 vs 印鑑登録の手続き) decides answered versus clarify, and
 * the source it cites comes first. Without a model, or when it fails, the confidence decides alone.
 */
import type { Logger } from '../core';
import { decideOutcome, type AnswerThresholds } from './answer-policy';
import { groundedMessages, GROUNDING_HITS, NOT_IN_SOURCES, type ChatModel } from './chat-model';
import { CITATION, citationNumber, citeShownSources, type ComposedAnswer } from './compose-answer';
import type { Retrieval, SearchHit } from './ports';
import type { Outcome } from '../conversations';

/** How the model's reading of the sources went. */
export type SourceCheck =
  /** No model configured, or the confidence did not warrant asking it. */
  | 'not_asked'
  /** The model answered from the sources. */
  | 'grounded'
  /** The model said the sources do not contain the answer. */
  | 'not_in_sources'
  /** The model failed, timed out or returned nothing; the confidence decided. */
  | 'failed';

/** The outcome, the hits in the order to show them, and the model's answer when it gave one. */
export interface SourceDecision {
  outcome: Outcome;
  /** The retrieval's hits; the hit the model answered from first. */
  hits: SearchHit[];
  /** The model's answer; its citations [n] number the hits the model saw (the retrieval's first ones). */
  generated?: string;
  check: SourceCheck;
}

/** How the model is used. */
export interface SourceCheckOptions {
  thresholds: AnswerThresholds;
  /**
   * true: the model's reading decides answered (it answered, citing a source) or clarify (it found
   * no answer), from the clarify threshold up. false: the model only writes the text of questions
   * the confidence answers, and its "not in the sources" is overruled by the retrieval.
   */
  checkSources: boolean;
  /**
   * Curated FAQ text wins (default true): an FAQ answered above the answer threshold is sent verbatim
   * and the model is not asked; the model composes answers from manual passages and checks the
   * uncertain bands only.
   */
  faqVerbatim?: boolean;
  timeoutMs: number;
  maxTokens: number;
  temperature: number;
  logger?: Logger;
}

/** Generation settings of the bot: 30 s for an answer, at most 800 tokens, deterministic. */
export const GENERATION = Object.freeze({ timeoutMs: 30_000, maxTokens: 800, temperature: 0 });

/** Decides the outcome of one question from its retrieval and, when configured, the chat model. */
export async function decideWithSources(
  question: string,
  retrieval: Retrieval,
  model: ChatModel | undefined,
  options: SourceCheckOptions,
): Promise<SourceDecision> {
  const hits = [...retrieval.hits];
  const byConfidence = decideOutcome(retrieval.confidence, options.thresholds);
  const unsure = byConfidence === 'clarify' || byConfidence === 'tentative';
  const asked = byConfidence === 'answered' || (unsure && options.checkSources);
  if (!model || hits.length === 0 || !asked) return { outcome: byConfidence, hits, check: 'not_asked' };
  if (byConfidence === 'answered' && hits[0]?.chunk.kind === 'faq' && options.faqVerbatim !== false)
    return { outcome: byConfidence, hits, check: 'not_asked' };
  let text: string;
  try {
    text = (await completeWithin(model, groundedMessages(question, hits), options)).trim();
    if (!text) throw new Error('the model returned no text');
  } catch (err) {
    options.logger?.warn('answer generation failed; the retrieval confidence decides', {
      error: err instanceof Error ? err.message : String(err),
    });
    return { outcome: byConfidence, hits, check: 'failed' };
  }
  const shown = hits.slice(0, GROUNDING_HITS);
  const cited = firstCitation(text, shown.length);
  // 「資料に記載がありません」, also inside a polite sentence, as long as no source is cited.
  if (text.startsWith(NOT_IN_SOURCES) || (text.includes(NOT_IN_SOURCES) && cited === undefined)) {
    if (!options.checkSources) {
      options.logger?.warn('the model found no answer in the sources; the retrieval confidence decides');
      return { outcome: byConfidence, hits, check: 'not_in_sources' };
    }
    return { outcome: 'clarify', hits, check: 'not_in_sources' };
  }
  if (options.checkSources && unsure && cited === undefined) {
    // An answer that names no source cannot be shown as grounded; the proposal or the candidates are.
    return { outcome: byConfidence, hits, check: 'not_in_sources' };
  }
  const first = cited ?? 0;
  const ordered = [hits[first], ...hits.filter((_, i) => i !== first)];
  return { outcome: 'answered', hits: ordered, generated: text, check: 'grounded' };
}

/** Index (0-based) of the first source [n] the text cites among `count` shown sources. */
export function firstCitation(text: string, count: number): number | undefined {
  for (const m of text.matchAll(CITATION)) {
    const n = citationNumber(m[1]);
    if (n >= 1 && n <= count) return n - 1;
  }
  return undefined;
}

async function completeWithin(
  model: ChatModel,
  messages: ReturnType<typeof groundedMessages>,
  options: SourceCheckOptions,
): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    timer.unref();
  });
  try {
    return await Promise.race([
      model.complete(messages, { maxTokens: options.maxTokens, temperature: options.temperature }),
      deadline,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The extractive answer with the model's text: its citations [n] (n = position among the hits the
 * model saw) renumbered to the sources shown.
 */
export function withGeneratedText(
  generated: string,
  hits: readonly SearchHit[],
  extractive: ComposedAnswer,
): ComposedAnswer {
  const text = citeShownSources(generated, hits.slice(0, GROUNDING_HITS), extractive.sources).trim();
  return text ? { ...extractive, text } : extractive;
}
