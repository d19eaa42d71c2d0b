/**
 * What every OpenAI-compatible adapter shares: one way to build the client (OpenAI, Azure OpenAI
 * or any compatible base URL) and one retry policy (exponential backoff on 429, 5xx and network
 * errors, then KotaeError CLOUD_UNAVAILABLE).
 */
import type OpenAI from 'openai';
import { KotaeError } from '../../core';

/** The SDK, loaded when the first client is built (a Kotae without a cloud model never loads it). */
function openAiSdk(): typeof import('openai') {
  return require('openai') as typeof import('openai');
}

/** Where to reach an OpenAI-compatible API. */
export interface OpenAiEndpoint {
  /** Model name (OpenAI) or deployment name (Azure). */
  model: string;
  apiKey: string;
  /** OpenAI-compatible base URL (e.g. http://127.0.0.1:8080/v1), or the Azure resource endpoint; default: OpenAI. */
  baseURL?: string;
  /** Set for Azure OpenAI: the API version; `baseURL` is then the resource endpoint and `model` the deployment. */
  apiVersion?: string;
}

/** How often and how patiently to retry. */
export interface RetryPolicy {
  maxRetries: number;
  initialBackoffMs: number;
  /** Waits between retries (tests pass a fast one). */
  sleep?: (ms: number) => Promise<void>;
}

/** A client with the SDK's own retries off (ours count attempts and back off). */
export function createOpenAiClient(endpoint: OpenAiEndpoint, timeoutMs: number): OpenAI {
  const { AzureOpenAI, OpenAI } = openAiSdk();
  const common = { apiKey: endpoint.apiKey, maxRetries: 0, timeout: timeoutMs };
  return endpoint.apiVersion
    ? new AzureOpenAI({
        ...common,
        endpoint: endpoint.baseURL,
        apiVersion: endpoint.apiVersion,
        deployment: endpoint.model,
      })
    : new OpenAI({ ...common, baseURL: endpoint.baseURL });
}

/** The retry policy of an adapter: its configured values over its own defaults. */
export function retryPolicyOf(
  config: Partial<RetryPolicy>,
  defaults: Pick<RetryPolicy, 'maxRetries' | 'initialBackoffMs'>,
): RetryPolicy {
  return {
    maxRetries: config.maxRetries ?? defaults.maxRetries,
    initialBackoffMs: config.initialBackoffMs ?? defaults.initialBackoffMs,
    sleep: config.sleep,
  };
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `call`, retrying transient failures; anything else, or the last failure, becomes CLOUD_UNAVAILABLE. */
export async function withRetries<T>(what: string, policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  const sleep = policy.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      if (!isRetryable(err) || attempt >= policy.maxRetries) {
        if (err instanceof KotaeError) throw err;
        throw new KotaeError('CLOUD_UNAVAILABLE', `${what} failed after ${attempt + 1} attempt(s): ${describe(err)}`, {
          cause: err,
        });
      }
      await sleep(policy.initialBackoffMs * 2 ** attempt);
    }
  }
}

function isRetryable(err: unknown): boolean {
  const { APIConnectionError, APIError } = openAiSdk();
  if (err instanceof APIConnectionError) return true; // includes timeouts
  if (err instanceof APIError) return err.status === 429 || (err.status !== undefined && err.status >= 500);
  return false;
}

function describe(err: unknown): string {
  if (err instanceof openAiSdk().APIError) return `HTTP ${err.status ?? '?'} ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}
