/**
 * FAQ curation: promote a resolved ticket to a draft FAQ, admins approve drafts, operators and
 * admins edit approved FAQs. Every change to approved FAQs re-indexes the knowledge base.
 */
import { KotaeError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { TicketComment } from '../bot/ports';
import type { TicketRecord } from '../bot/records';
import { TICKET_MESSAGES } from './messages';
import type { FaqStore } from './ports';
import type { AuditTrail } from './audit';
import type { FaqEntry, FaqInput } from './types';
import type { PiiMasker } from '../privacy';
import { masked } from './personal-data';

/** What FaqService needs; `reindex` rebuilds the knowledge base from the KB folder and faq_entry. */
export interface FaqServiceDeps {
  store: FaqStore;
  audit: AuditTrail;
  logger: Logger;
  reindex: () => Promise<void>;
  /** The configured personal-data masker (privacy/); all types when absent. */
  masker?: PiiMasker;
}

/** Result of a change to approved FAQs: whether the knowledge base was re-indexed. */
export interface FaqChange {
  entry?: FaqEntry;
  reindexed: boolean;
}

/** Proposes a draft FAQ from a ticket: its question, and the last operator reply or incident actions as answer. */
export function proposeFaqFromTicket(ticket: TicketRecord, comments: readonly TicketComment[]): FaqInput {
  const prefix = TICKET_MESSAGES.replyPrefix(ticket.number);
  const replies = comments.filter((c) => c.kind === 'reply' && c.body.startsWith(prefix));
  const last = replies[replies.length - 1];
  const answer = last ? last.body.slice(prefix.length).trim() : (ticket.incident?.actions ?? '');
  return {
    category: ticket.category,
    question: ticket.details.trim() || ticket.title,
    alternateQuestions: [ticket.title],
    answer,
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
function cleanFaq(input: FaqInput, masker?: PiiMasker): FaqInput {
  const valid = validateFaq(input);
  return {
    ...valid,
    question: masked(valid.question, masker),
    alternateQuestions: valid.alternateQuestions.map((q) => masked(q, masker)),
    answer: masked(valid.answer, masker),
  };
}

/** Manages FAQ drafts and approved FAQs. */
export class FaqService {
  constructor(private readonly deps: FaqServiceDeps) {}

  /** FAQs, optionally of one status. */
  list(status?: FaqEntry['status']): Promise<FaqEntry[]> {
    return this.deps.store.list(status);
  }

  /** An FAQ by id; NOT_FOUND otherwise. */
  async get(id: string): Promise<FaqEntry> {
    const entry = await this.deps.store.get(id);
    if (!entry) throw new KotaeError('NOT_FOUND', `faq ${id} not found`);
    return entry;
  }

  /** Saves a draft promoted from a ticket; it waits for an admin's approval. */
  async saveDraft(input: FaqInput, ticketId: string | undefined, actor: string): Promise<FaqEntry> {
    return this.deps.audit.atomically(
      () =>
        this.deps.store.create({
          ...cleanFaq(input, this.deps.masker),
          status: 'draft',
          ticketId,
          createdBy: actor,
        }),
      (entry) => ({ actor, action: 'faq.draft', target: entry.id, detail: { ticketId } }),
    );
  }

  /** Approves a draft (admin) and re-indexes. */
  async approve(id: string, expectedVersion: number, admin: string): Promise<FaqChange> {
    const current = await this.get(id);
    if (current.status !== 'draft')
      throw new KotaeError('CONFLICT', `faq ${id} is not a draft`, { userMessage: TICKET_MESSAGES.faqNotDraft });
    const entry = await this.deps.audit.atomically(
      () => this.deps.store.approve(id, expectedVersion, admin),
      () => ({ actor: admin, action: 'faq.approve', target: id }),
    );
    return { entry, reindexed: await this.reindex() };
  }

  /** Creates an approved FAQ directly (FAQ editor) and re-indexes. */
  async createApproved(input: FaqInput, actor: string): Promise<FaqChange> {
    const entry = await this.deps.audit.atomically(
      async () => {
        const draft = await this.deps.store.create({ ...validateFaq(input), status: 'draft', createdBy: actor });
        return this.deps.store.approve(draft.id, draft.version, actor);
      },
      (created) => ({ actor, action: 'faq.create', target: created.id }),
    );
    return { entry, reindexed: await this.reindex() };
  }

  /** Edits an FAQ against `expectedVersion`; re-indexes when it is approved. */
  async update(id: string, expectedVersion: number, input: FaqInput, actor: string): Promise<FaqChange> {
    const entry = await this.deps.audit.atomically(
      () => this.deps.store.update(id, expectedVersion, validateFaq(input)),
      () => ({ actor, action: 'faq.update', target: id }),
    );
    return { entry, reindexed: entry.status === 'approved' ? await this.reindex() : false };
  }

  /** Deletes an FAQ; re-indexes when it was approved. */
  async delete(id: string, actor: string): Promise<FaqChange> {
    const entry = await this.get(id);
    await this.deps.audit.atomically(
      () => this.deps.store.delete(id),
      () => ({ actor, action: 'faq.delete', target: id }),
    );
    return { entry, reindexed: entry.status === 'approved' ? await this.reindex() : false };
  }

  /** Re-indexes; a failure is logged and reported, the saved change stays. */
  private async reindex(): Promise<boolean> {
    try {
      await this.deps.reindex();
      return true;
    } catch (err) {
      this.deps.logger.error('knowledge re-index after FAQ change failed', {
        error: err instanceof Error ? err.message : String(err),
      });
      return false;
    }
  }
}
