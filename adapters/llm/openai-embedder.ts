/**
 * {@link Embedder} over an OpenAI-compatible `POST /embeddings` API (OpenAI, Azure OpenAI, or
 * any compatible base URL) with the `openai` package: batched requests, exponential backoff on
 * 429, 5xx and network errors, and KotaeError CLOUD_UNAVAILABLE when retries run out.
 * Only constructed when the configuration names an embedding endpoint.
 */
import type OpenAI from 'openai';
import { KotaeError } from '../../core';
import type { Embedder } from '../../knowledge';
import { createOpenAiClient, retryPolicyOf, withRetries, type OpenAiEndpoint, type RetryPolicy } from './openai-client';

/** Where and how to call the embeddings API. */
export interface OpenAiEmbedderConfig extends OpenAiEndpoint, Partial<RetryPolicy> {
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
  /** After a failed query embedding, further queries fail at once for this long (search goes lexical). */
  queryCooldownMs?: number;
  now?: () => number;
}

const DEFAULTS = { batchSize: 64, maxRetries: 4, initialBackoffMs: 500, timeoutMs: 30000, queryCooldownMs: 60_000 };
/** Queries are on the answer path: one retry, then the search answers lexically. */
const QUERY_RETRIES = 1;

/** Embeds text through an OpenAI-compatible API. */
export class OpenAiEmbedder implements Embedder {
  /** Name recorded in index stats. */
  readonly name: string;
  private readonly client: OpenAI;
  private readonly retry: RetryPolicy;
  private queriesBlockedUntil = 0;

  constructor(private readonly config: OpenAiEmbedderConfig) {
    this.client = createOpenAiClient(config, config.timeoutMs ?? DEFAULTS.timeoutMs);
    this.retry = retryPolicyOf(config, DEFAULTS);
    this.name = `openai:${config.model}`;
  }

  /** Embeddings of `texts`, in order, batched. */
  async embedDocuments(texts: string[]): Promise<number[][]> {
    const size = this.config.batchSize ?? DEFAULTS.batchSize;
    const out: number[][] = [];
    for (let start = 0; start < texts.length; start += size)
      out.push(...(await this.embedBatch(texts.slice(start, start + size))));
    return out;
  }

  /** Embedding of one query; fails fast for a while after the service failed (see queryCooldownMs). */
  async embedQuery(text: string): Promise<number[]> {
    const now = this.config.now ?? Date.now;
    if (now() < this.queriesBlockedUntil) {
      throw new KotaeError('CLOUD_UNAVAILABLE', 'embeddings service failed recently; not called during the cooldown');
    }
    try {
      const [v] = await this.embedBatch([text], {
        ...this.retry,
        maxRetries: Math.min(QUERY_RETRIES, this.retry.maxRetries),
      });
      return v;
    } catch (err) {
      this.queriesBlockedUntil = now() + (this.config.queryCooldownMs ?? DEFAULTS.queryCooldownMs);
      throw err;
    }
  }

  private embedBatch(input: string[], retry: RetryPolicy = this.retry): Promise<number[][]> {
    return withRetries('embeddings request', retry, async () => {
      const res = await this.client.embeddings.create({
        model: this.config.model,
        input,
        encoding_format: 'float',
        ...(this.config.dimensions ? { dimensions: this.config.dimensions } : {}),
      });
      const sorted = [...res.data].sort((a, b) => a.index - b.index);
      if (sorted.length !== input.length)
        throw new KotaeError(
          'CLOUD_UNAVAILABLE',
          `embeddings API returned ${sorted.length} vectors for ${input.length} inputs`,
        );
      return sorted.map((d) => d.embedding);
    });
  }
}
