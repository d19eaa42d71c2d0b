/**
 * The bot's helpdesk service as the configuration asks for it: chat model, source check, verbatim
 * FAQs, thresholds, desk hours from the business calendar and source links on the public URL.
 */
import { HelpdeskService } from '../bot';
import type { BusinessCalendar } from '../calendar';
import { createChatModel } from './answer-model';
import type { KotaeConfig } from './config';
import { deskHoursText } from './desk-hours';

/** The stores and parts the service reads and writes (all but the chat model, made here). */
export type HelpdeskParts = Omit<ConstructorParameters<typeof HelpdeskService>[0], 'chatModel'> & {
  calendar: Pick<BusinessCalendar, 'isOpen' | 'nextOpening'>;
};

/** Builds the helpdesk service of a running Kotae. */
export function createHelpdeskService(config: Readonly<KotaeConfig>, parts: HelpdeskParts): HelpdeskService {
  const { calendar, ...deps } = parts;
  return new HelpdeskService(
    { ...deps, chatModel: createChatModel(config) },
    {
      maxQuestionChars: config.maxQuestionChars,
      checkSources: config.answerModel.kind === 'openai' && config.answerModel.checkSources,
      faqVerbatim: config.faqVerbatim,
      thresholds: config.thresholds,
      deskHours: deskHoursText(config),
      isDeskOpen: (at) => calendar.isOpen(at),
      nextOpening: (at) => calendar.nextOpening(at),
      resolveSourceUrl: (url) => (/^[a-z][a-z0-9+.-]*:/i.test(url) ? url : `${config.publicUrl}/kb/${encodeURI(url)}`),
    },
  );
}
