/**
 * Configuration of the language models: local or OpenAI-compatible embeddings, and extractive answers or
 * answers written by an OpenAI-compatible chat model. A block of its own, merged into config.ts's schema;
 * it does not read the environment itself.
 */
import { z } from 'zod';
import { bool, optionalText } from './config-fields';

/** The variables of this block (see .env.example). */
export const MODELS_ENV = {
  KOTAE_EMBEDDINGS: z.enum(['local', 'openai']).default('local'),
  KOTAE_OPENAI_BASE_URL: z.url().optional(),
  KOTAE_OPENAI_API_KEY: optionalText,
  KOTAE_OPENAI_EMBEDDING_MODEL: z.string().min(1).default('text-embedding-3-small'),
  KOTAE_OPENAI_API_VERSION: optionalText,
  KOTAE_ANSWER_MODEL: z.enum(['none', 'openai']).default('none'),
  KOTAE_OPENAI_CHAT_MODEL: z.string().min(1).default('gpt-4o-mini'),
  KOTAE_ANSWER_CHECK: bool.default(true),
};

type ModelsEnv = z.infer<z.ZodObject<typeof MODELS_ENV>>;

/** An OpenAI, Azure OpenAI (`apiVersion` set; `model` is the deployment) or compatible endpoint. */
export interface OpenAiSettings {
  baseUrl?: string;
  apiKey: string;
  model: string;
  apiVersion?: string;
}

/** The embedder of the knowledge index. */
export type EmbeddingsConfig = { kind: 'local' } | ({ kind: 'openai' } & OpenAiSettings);
/** Extractive answers (`none`) or answers generated from the retrieved sources by a chat model. */
export type AnswerModelConfig = { kind: 'none' } | ({ kind: 'openai'; checkSources: boolean } & OpenAiSettings);

/** Start-up checks: an OpenAI model needs the API key. */
export function checkModels(
  env: Pick<ModelsEnv, 'KOTAE_EMBEDDINGS' | 'KOTAE_ANSWER_MODEL' | 'KOTAE_OPENAI_API_KEY'>,
  need: (cond: boolean, key: string, message: string) => void,
): void {
  if (env.KOTAE_EMBEDDINGS === 'openai') {
    need(!env.KOTAE_OPENAI_API_KEY, 'KOTAE_OPENAI_API_KEY', 'required when KOTAE_EMBEDDINGS=openai');
  }
  if (env.KOTAE_ANSWER_MODEL === 'openai') {
    need(!env.KOTAE_OPENAI_API_KEY, 'KOTAE_OPENAI_API_KEY', 'required when KOTAE_ANSWER_MODEL=openai');
  }
}

/** The embeddings part of the validated configuration. */
export function toEmbeddingsConfig(e: ModelsEnv): EmbeddingsConfig {
  return e.KOTAE_EMBEDDINGS === 'openai'
    ? {
        kind: 'openai',
        baseUrl: e.KOTAE_OPENAI_BASE_URL,
        apiKey: e.KOTAE_OPENAI_API_KEY ?? '',
        model: e.KOTAE_OPENAI_EMBEDDING_MODEL,
        apiVersion: e.KOTAE_OPENAI_API_VERSION,
      }
    : { kind: 'local' };
}

/** The answer-model part of the validated configuration. */
export function toAnswerModelConfig(e: ModelsEnv): AnswerModelConfig {
  return e.KOTAE_ANSWER_MODEL === 'openai'
    ? {
        kind: 'openai',
        baseUrl: e.KOTAE_OPENAI_BASE_URL,
        apiKey: e.KOTAE_OPENAI_API_KEY ?? '',
        model: e.KOTAE_OPENAI_CHAT_MODEL,
        apiVersion: e.KOTAE_OPENAI_API_VERSION,
        checkSources: e.KOTAE_ANSWER_CHECK,
      }
    : { kind: 'none' };
}
