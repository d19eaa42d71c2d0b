/**
 * Cloud language-model adapters (OpenAI-compatible APIs).
 */
export { OpenAiEmbedder, type OpenAiEmbedderConfig } from './openai-embedder';
