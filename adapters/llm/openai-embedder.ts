/**
 * {@link Embedder} over an OpenAI-compatible `POST /embeddings` API (OpenAI, Azure OpenAI, or
 * any compatible base URL) with the `openai` package: batched requests, exponential backoff on
 * 429, 5xx and network errors, and KotaeError CLOUD_UNAVAILABLE when retries run out.
 * Only constructed when the configuration names an embedding endpoint.
 */
import type OpenAI from 'openai';
import { KotaeError } from '../../core/errors';
import type { Embedder } from '../../knowledge/types';
import { createOpenAiClient, withRetries, type OpenAiEndpoint, type RetryPolicy } from './openai-client';

/** Where and how to call the embeddings API. */
export interface OpenAiEmbedderConfig extends OpenAiEndpoint, Partial<RetryPolicy> {
  dimensions?: number;
  batchSize?: number;
  timeoutMs?: number;
}

const DEFAULTS = { batchSize: 64, maxRetries: 4, initialBackoffMs: 500, timeoutMs: 30000 };

/** Embeds text through an OpenAI-compatible API. */
export class OpenAiEmbedder implements Embedder {
  /** Name recorded in index stats. */
  readonly name: string;
  private readonly client: OpenAI;
  private readonly retry: RetryPolicy;

  constructor(private readonly config: OpenAiEmbedderConfig) {
    this.client = createOpenAiClient(config, config.timeoutMs ?? DEFAULTS.timeoutMs);
    this.retry = {
      maxRetries: config.maxRetries ?? DEFAULTS.maxRetries,
      initialBackoffMs: config.initialBackoffMs ?? DEFAULTS.initialBackoffMs,
      sleep: config.sleep,
    };
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

  /** Embedding of one query. */
  async embedQuery(text: string): Promise<number[]> {
    const [v] = await this.embedBatch([text]);
    return v;
  }

  private embedBatch(input: string[]): Promise<number[][]> {
    return withRetries('embeddings request', this.retry, async () => {
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
