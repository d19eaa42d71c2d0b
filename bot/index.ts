export * from './ports';
export * from './helpdesk';
export { HelpdeskService, type HelpdeskOptions } from './helpdesk-service';
export { decideOutcome, DEFAULT_THRESHOLDS, type AnswerThresholds } from './answer-policy';
export { knowledgeRefusal, runTurn } from './turn-boundary';
export { statusQuery } from './status-query';
export { BOT_MESSAGES } from './messages';
export { composeAnswer, toSource } from './compose-answer';
export { redactPersonalData, MY_NUMBER_MASK } from './redact';
export {
  groundedMessages,
  GROUNDED_SYSTEM_PROMPT,
  GROUNDING_HITS,
  NOT_IN_SOURCES,
  type ChatMessage,
  type ChatModel,
  type ChatOptions,
} from './chat-model';
export { InMemoryProcessedDeliveries, type ProcessedDeliveries } from './processed-deliveries';
export { decideWithSources, GENERATION, type SourceDecision } from './source-check';
export { followUpQuery } from './follow-up';
export { hasWords } from './words';
export { ANSWER_ACTIONS, answerStillCurrent, expiredChoice, restoredAnswer, type RestoredAnswer } from './last-answer';
export { answerNoticeOf, answersByLine, answersOnPage, maskedNoticeOf } from './answer-history';
