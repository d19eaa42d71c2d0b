/**
 * {@link ChatModel} over an OpenAI-compatible `POST /chat/completions` API (OpenAI, Azure OpenAI
 * with the deployment as model, or any compatible base URL) with the `openai` package: a
 * per-attempt timeout, bounded retries with backoff on 429, 5xx and network errors, and
 * KotaeError CLOUD_UNAVAILABLE when they run out. Only constructed when configured.
 */
import type OpenAI from 'openai';
import type { ChatMessage, ChatModel, ChatOptions } from '../../bot';
import { createOpenAiClient, retryPolicyOf, withRetries, type OpenAiEndpoint, type RetryPolicy } from './openai-client';

/** Where and how to call the chat completions API. */
export interface OpenAiChatModelConfig extends OpenAiEndpoint, Partial<RetryPolicy> {
  /** Per-attempt timeout. */
  timeoutMs?: number;
}

const DEFAULTS = { maxRetries: 2, initialBackoffMs: 500, timeoutMs: 20000 };

/** Completes a conversation through an OpenAI-compatible API. */
export class OpenAiChatModel implements ChatModel {
  private readonly client: OpenAI;
  private readonly retry: RetryPolicy;

  constructor(private readonly config: OpenAiChatModelConfig) {
    this.client = createOpenAiClient(config, config.timeoutMs ?? DEFAULTS.timeoutMs);
    this.retry = retryPolicyOf(config, DEFAULTS);
  }

  /** The assistant's reply text ('' when the API returns none). */
  complete(messages: ChatMessage[], options: ChatOptions = {}): Promise<string> {
    return withRetries('chat completion request', this.retry, async () => {
      const res = await this.client.chat.completions.create({
        model: this.config.model,
        messages,
        ...(options.maxTokens !== undefined ? { max_tokens: options.maxTokens } : {}),
        ...(options.temperature !== undefined ? { temperature: options.temperature } : {}),
      });
      return res.choices[0]?.message?.content?.trim() ?? '';
    });
  }
}
