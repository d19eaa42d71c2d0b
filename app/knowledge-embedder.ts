/** The document and query embedder chosen by configuration (shared by the server, the CLI and build children). */
import { OpenAiEmbedder } from '../adapters/llm';
import type { Embedder } from '../knowledge';
import type { KotaeConfig } from './config';

/** The embedder configured (undefined = the local LSA default). */
export function createEmbedder(config: Pick<KotaeConfig, 'embeddings'>): {
  embedder?: Embedder;
  embedderName?: string;
} {
  if (config.embeddings.kind !== 'openai') return {};
  const e = config.embeddings;
  return {
    embedder: new OpenAiEmbedder({ apiKey: e.apiKey, baseURL: e.baseUrl, model: e.model, apiVersion: e.apiVersion }),
    embedderName: `openai:${e.model}`,
  };
}
