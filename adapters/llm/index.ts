/**
 * Cloud language-model adapters (OpenAI-compatible APIs).
 */
export { OpenAiEmbedder, type OpenAiEmbedderConfig } from './openai-embedder';
export { OpenAiChatModel, type OpenAiChatModelConfig } from './openai-chat-model';
export type { OpenAiEndpoint, RetryPolicy } from './openai-client';
