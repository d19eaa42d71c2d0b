/**
 * Bounded retry with exponential backoff for calls to the Bot Connector.
 * A 5xx, 408, 429, network error or timeout is retried; other 4xx answers (bot removed from the
 * conversation, bad request) fail at once. The last failure becomes KotaeError CHANNEL_SEND_FAILED.
 */
import { KotaeError } from '../../core';

/** How hard to try. */
export interface RetryPolicy {
  /** Total attempts including the first (e.g. 4). */
  attempts: number;
  /** Delay before the second attempt; doubles each time. */
  baseDelayMs: number;
  /** Upper bound for one delay. */
  maxDelayMs: number;
  /** One attempt taking longer than this counts as failed. */
  attemptTimeoutMs: number;
}

/** Defaults: 4 attempts, 0.5 s → 1 s → 2 s between them, 10 s per attempt. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  attemptTimeoutMs: 10_000,
});

/** HTTP status of a failed Bot Connector call, when the error carries one. */
export function httpStatusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null || !('response' in err)) return undefined;
  const response = (err as { response?: unknown }).response;
  if (typeof response !== 'object' || response === null || !('status' in response)) return undefined;
  const status = (response as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

function isRetryable(err: unknown): boolean {
  const status = httpStatusOf(err);
  return status === undefined || status >= 500 || status === 408 || status === 429;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`attempt timed out after ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs `send` until it succeeds or the policy gives up; `onRetry` is told about each failed attempt. */
export async function sendWithRetry<T>(
  send: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (attempt: number, err: unknown) => void = () => undefined,
): Promise<T> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      return await withTimeout(send(), policy.attemptTimeoutMs);
    } catch (err) {
      lastError = err;
      if (!isRetryable(err) || attempt === policy.attempts) break;
      onRetry(attempt, err);
      await sleep(Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs));
    }
  }
  const status = httpStatusOf(lastError);
  const reason = lastError instanceof Error ? lastError.message : String(lastError);
  throw new KotaeError('CHANNEL_SEND_FAILED', `Bot Connector call failed: ${reason}`, {
    cause: lastError,
    details: status === undefined ? {} : { status },
  });
}
