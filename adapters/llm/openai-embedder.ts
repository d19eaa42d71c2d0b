/**
 * {@link Embedder} over an OpenAI-compatible `POST /embeddings` API (OpenAI, Azure OpenAI, or
 * any compatible base URL) with the `openai` package: batched requests, exponential backoff on
 * 429, 5xx and network errors, and KotaeError CLOUD_UNAVAILABLE when retries run out.
 * Only constructed when the configuration names an embedding endpoint.
 */
import OpenAI, { APIConnectionError, APIError, AzureOpenAI } from 'openai';
import { KotaeError } from '../../core/errors';
import type { Embedder } from '../../knowledge/types';

/** Where and how to call the embeddings API. */
export interface OpenAiEmbedderConfig {
  /** Model name (OpenAI) or deployment name (Azure). */
  model: string;
  apiKey: string;
  /** OpenAI-compatible base URL (e.g. http://127.0.0.1:8080/v1), or the Azure resource endpoint; default: OpenAI. */
  baseURL?: string;
  /** Set for Azure OpenAI: the API version; `baseURL` is then the resource endpoint and `model` the deployment. */
  apiVersion?: string;
  dimensions?: number;
  batchSize?: number;
  maxRetries?: number;
  initialBackoffMs?: number;
  timeoutMs?: number;
  /** Waits between retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULTS = { batchSize: 64, maxRetries: 4, initialBackoffMs: 500, timeoutMs: 30000 };

/** Embeds text through an OpenAI-compatible API. */
export class OpenAiEmbedder implements Embedder {
  /** Name recorded in index stats. */
  readonly name: string;
  private readonly client: OpenAI;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly config: OpenAiEmbedderConfig) {
    const common = { apiKey: config.apiKey, maxRetries: 0, timeout: config.timeoutMs ?? DEFAULTS.timeoutMs };
    this.client = config.apiVersion
      ? new AzureOpenAI({
          ...common,
          endpoint: config.baseURL,
          apiVersion: config.apiVersion,
          deployment: config.model,
        })
      : new OpenAI({ ...common, baseURL: config.baseURL });
    this.sleep = config.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
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

  private async embedBatch(input: string[]): Promise<number[][]> {
    const maxRetries = this.config.maxRetries ?? DEFAULTS.maxRetries;
    for (let attempt = 0; ; attempt++) {
      try {
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
      } catch (err) {
        if (!isRetryable(err) || attempt >= maxRetries) {
          if (err instanceof KotaeError) throw err;
          throw new KotaeError(
            'CLOUD_UNAVAILABLE',
            `embeddings request failed after ${attempt + 1} attempt(s): ${describe(err)}`,
            { cause: err },
          );
        }
        await this.sleep((this.config.initialBackoffMs ?? DEFAULTS.initialBackoffMs) * 2 ** attempt);
      }
    }
  }
}

function isRetryable(err: unknown): boolean {
  if (err instanceof APIConnectionError) return true; // includes timeouts
  if (err instanceof APIError) return err.status === 429 || (err.status !== undefined && err.status >= 500);
  return false;
}

function describe(err: unknown): string {
  if (err instanceof APIError) return `HTTP ${err.status ?? '?'} ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
