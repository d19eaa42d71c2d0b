/** The chat model configured to answer from the sources (KOTAE_ANSWER_MODEL), shared by the app and `kotae eval`. */
import { OpenAiChatModel } from '../adapters/llm';
import type { ChatModel } from '../bot';
import type { KotaeConfig } from './config';

/** The chat model that writes answers, when configured (extractive answers otherwise). */
export function createChatModel(config: Readonly<KotaeConfig>): ChatModel | undefined {
  const m = config.answerModel;
  if (m.kind === 'none') return undefined;
  return new OpenAiChatModel({ apiKey: m.apiKey, baseURL: m.baseUrl, model: m.model, apiVersion: m.apiVersion });
}
