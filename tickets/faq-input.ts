/** FAQ input: checked and normalised, proposed from a ticket, masked when promoted, copied from a row or sheet. */
import { KotaeError } from '../core';
import type { PiiMasker } from '../privacy';
import { depersonalize } from './faq-depersonalize';
import { TICKET_MESSAGES } from './messages';
import { masked } from './personal-data';
import type { TicketComment } from './ports';
import type { TicketRecord } from './records';
import type { FaqEntry, FaqInput, NewFaqEntry } from './types';

/** Proposes a draft FAQ from a ticket: its question, and the last operator reply or incident actions as answer. */
export function proposeFaqFromTicket(ticket: TicketRecord, comments: readonly TicketComment[]): FaqInput {
  const prefix = TICKET_MESSAGES.replyPrefix(ticket.number);
  const replies = comments.filter((c) => c.kind === 'reply' && c.body.startsWith(prefix));
  const last = replies[replies.length - 1];
  const answer = last ? last.body.slice(prefix.length).trim() : (ticket.incident?.actions ?? '');
  const names = ticket.requester.name ? [ticket.requester.name] : [];
  return {
    category: ticket.category,
    question: depersonalize(ticket.details.trim() || ticket.title, names),
    alternateQuestions: [depersonalize(ticket.title, names)].filter((q) => q.length > 0),
    answer: depersonalize(answer, names),
    sourceUrl: undefined,
  };
}

/** Normalises and checks FAQ input. */
export function validateFaq(input: FaqInput): FaqInput {
  const clean: FaqInput = {
    category: input.category.trim() || 'その他',
    question: input.question.trim(),
    alternateQuestions: input.alternateQuestions.map((q) => q.trim()).filter((q) => q.length > 0),
    answer: input.answer.trim(),
    sourceUrl: input.sourceUrl?.trim() || undefined,
  };
  if (!clean.question || !clean.answer) {
    throw new KotaeError('INPUT_INVALID', 'faq needs question and answer', {
      userMessage: TICKET_MESSAGES.faqRequired,
    });
  }
  if (clean.sourceUrl && !/^https?:\/\/[^\s]+$/i.test(clean.sourceUrl)) {
    throw new KotaeError('INPUT_INVALID', 'faq url is not http(s)', { userMessage: TICKET_MESSAGES.faqUrlInvalid });
  }
  return clean;
}

/** A draft promoted from a ticket, checked, with the requester's personal data masked. */
export function cleanFaq(input: FaqInput, masker?: PiiMasker): FaqInput {
  const valid = validateFaq(input);
  return {
    ...valid,
    question: masked(valid.question, masker),
    alternateQuestions: valid.alternateQuestions.map((q) => masked(q, masker)),
    answer: masked(valid.answer, masker),
  };
}

/** The editable fields of an FAQ (of a row or a sheet), without the rest. */
export function contentOf(f: FaqInput): FaqInput {
  return {
    category: f.category,
    question: f.question,
    alternateQuestions: f.alternateQuestions,
    answer: f.answer,
    sourceUrl: f.sourceUrl,
  };
}

/**
 * An operator's draft of `content` replacing the published `current` until an administrator approves it: an edit
 * (hidden as `current` is), a request to hide or publish again (`hidden`), or a request to delete it.
 */
export function replacingDraft(
  current: FaqEntry,
  content: FaqInput,
  createdBy: string,
  request: { hidden?: boolean; deleteRequested?: boolean },
): NewFaqEntry {
  return {
    ...contentOf(content),
    status: 'draft',
    origin: current.origin,
    sourceKey: current.sourceKey,
    replacesId: current.id,
    ticketId: current.ticketId,
    createdBy,
    hidden: request.hidden ?? current.hiddenAt !== undefined,
    deleteRequested: request.deleteRequested,
  };
}
