/**
 * FAQ curation, whatever an FAQ's origin (a sheet in the knowledge folder, a SharePoint library, the
 * console, a promoted ticket). Approval is enforced here: operators create and edit drafts; an
 * operator's edit of a published FAQ is a new draft that replaces it only once an administrator
 * approves it (the published text keeps serving meanwhile); an edit of a sheet's FAQ is kept as an
 * override in faq_entry, which the ingest prefers to the sheet's row on every run. Administrators'
 * saves publish at once (they are the approvers). Every change to published FAQs re-indexes. A published
 * FAQ can be hidden (非公開) and published again under the same rule; a sheet's FAQ is hidden by a hidden
 * override of its id, which keeps that id out of the index until it goes.
 */
import { KotaeError } from '../core';
import type { Logger } from '../core';
import type { TicketComment } from './ports';
import type { TicketRecord } from './records';
import { TICKET_MESSAGES } from './messages';
import type { FaqStore, IndexedFaqSource } from './ports';
import type { AuditTrail } from './audit';
import type { FaqEntry, FaqInput, IndexedFaq } from './types';
import { faqCatalogue, type FaqListItem, type FaqVisibility } from './faq-catalogue';
import type { PiiMasker } from '../privacy';
import { masked } from './personal-data';
import { depersonalize } from './faq-depersonalize';

export type { FaqListItem, FaqVisibility } from './faq-catalogue';

/** What FaqService needs; `reindex` rebuilds the knowledge base from the KB folder and faq_entry. */
export interface FaqServiceDeps {
  store: FaqStore;
  audit: AuditTrail;
  logger: Logger;
  reindex: () => Promise<void>;
  /** The configured personal-data masker (privacy/); all types when absent. */
  masker?: PiiMasker;
  /** The FAQs of the knowledge folder's sheets and SharePoint (none when absent). */
  indexed?: IndexedFaqSource;
}

/** Who saves: operators' saves are drafts, administrators' saves publish. */
export interface FaqActor {
  username: string;
  canPublish: boolean;
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
function cleanFaq(input: FaqInput, masker?: PiiMasker): FaqInput {
  const valid = validateFaq(input);
  return {
    ...valid,
    question: masked(valid.question, masker),
    alternateQuestions: valid.alternateQuestions.map((q) => masked(q, masker)),
    answer: masked(valid.answer, masker),
  };
}

/** Manages FAQ drafts and published FAQs of every origin. */
export class FaqService {
  constructor(private readonly deps: FaqServiceDeps) {}

  /** FAQs of faq_entry, optionally of one status. */
  list(status?: FaqEntry['status']): Promise<FaqEntry[]> {
    return this.deps.store.list(status);
  }

  /** An FAQ by id; NOT_FOUND otherwise. */
  async get(id: string): Promise<FaqEntry> {
    const entry = await this.deps.store.get(id);
    if (!entry) throw new KotaeError('NOT_FOUND', `faq ${id} not found`);
    return entry;
  }

  /**
   * Every published FAQ: the sheets' FAQs (with the console's override when there is one) and the
   * console's own, hidden ones included (or only them, or none), filtered by the words of `search`.
   */
  async catalogue(search = '', visibility: FaqVisibility = 'all'): Promise<FaqListItem[]> {
    const [entries, indexed] = await Promise.all([this.deps.store.list(), this.indexedFaqs()]);
    return faqCatalogue(entries, indexed, { search, visibility });
  }

  /** One FAQ of a sheet (knowledge folder or SharePoint) with its override; NOT_FOUND otherwise. */
  async indexedItem(faqId: string): Promise<FaqListItem> {
    const item = (await this.catalogue()).find((i) => i.key === `indexed:${faqId}`);
    if (!item) throw new KotaeError('NOT_FOUND', `indexed faq ${faqId} not found`);
    return item;
  }

  /** Saves a draft promoted from a ticket; it waits for an admin's approval. */
  async saveDraft(input: FaqInput, ticketId: string | undefined, actor: string): Promise<FaqEntry> {
    const clean = cleanFaq(input, this.deps.masker);
    return this.deps.audit.atomically(
      () =>
        this.deps.store.create({
          ...clean,
          question: depersonalize(clean.question),
          alternateQuestions: clean.alternateQuestions.map((q) => depersonalize(q)).filter(Boolean),
          answer: depersonalize(clean.answer),
          status: 'draft',
          origin: 'ticket',
          ticketId,
          createdBy: actor,
        }),
      (entry) => ({ actor, action: 'faq.draft', target: entry.id, detail: { ticketId } }),
    );
  }

  /** A new console FAQ: a draft from an operator, published at once by an administrator. */
  async create(input: FaqInput, actor: FaqActor): Promise<FaqChange> {
    const entry = await this.deps.audit.atomically(
      () =>
        this.deps.store.create({
          ...validateFaq(input),
          status: actor.canPublish ? 'approved' : 'draft',
          origin: 'console',
          createdBy: actor.username,
        }),
      (created) => ({
        actor: actor.username,
        action: actor.canPublish ? 'faq.create' : 'faq.draft',
        target: created.id,
      }),
    );
    return { entry, reindexed: actor.canPublish ? await this.reindex() : false };
  }

  /** Creates an approved FAQ directly (an administrator's save) and re-indexes. */
  async createApproved(input: FaqInput, actor: string): Promise<FaqChange> {
    return this.create(input, { username: actor, canPublish: true });
  }

  /**
   * Edits an faq_entry row against `expectedVersion`. A draft is edited in place. A published FAQ is
   * edited in place by an administrator; an operator's edit becomes a new draft replacing it on approval.
   */
  async edit(id: string, expectedVersion: number, input: FaqInput, actor: FaqActor): Promise<FaqChange> {
    const current = await this.get(id);
    const clean = validateFaq(input);
    if (current.status === 'approved' && !actor.canPublish) {
      if (current.version !== expectedVersion)
        throw new KotaeError('CONFLICT', `faq ${id} version is not ${expectedVersion}`);
      const draft = await this.deps.audit.atomically(
        () =>
          this.deps.store.create({
            ...clean,
            status: 'draft',
            origin: current.origin,
            sourceKey: current.sourceKey,
            replacesId: current.id,
            ticketId: current.ticketId,
            createdBy: actor.username,
            hidden: current.hiddenAt !== undefined,
          }),
        (created) => ({ actor: actor.username, action: 'faq.draft', target: created.id, detail: { replaces: id } }),
      );
      return { entry: draft, reindexed: false };
    }
    const entry = await this.deps.audit.atomically(
      () => this.deps.store.update(id, expectedVersion, clean),
      () => ({ actor: actor.username, action: 'faq.update', target: id }),
    );
    return { entry, reindexed: entry.status === 'approved' ? await this.reindex() : false };
  }

  /** Compatibility: an administrator's edit. */
  async update(id: string, expectedVersion: number, input: FaqInput, actor: string): Promise<FaqChange> {
    return this.edit(id, expectedVersion, input, { username: actor, canPublish: true });
  }

  /**
   * Edits an FAQ of a sheet (knowledge folder or SharePoint): the edit is kept in faq_entry as an
   * override of that FAQ id, which survives the next ingest of the sheet. An existing override is
   * edited like any published FAQ.
   */
  async editIndexed(faqId: string, input: FaqInput, actor: FaqActor): Promise<FaqChange> {
    const item = await this.indexedItem(faqId);
    if (item.entry) return this.edit(item.entry.id, item.entry.version, input, actor);
    const entry = await this.deps.audit.atomically(
      () =>
        this.deps.store.create({
          ...validateFaq(input),
          status: actor.canPublish ? 'approved' : 'draft',
          origin: item.origin,
          sourceKey: faqId,
          createdBy: actor.username,
        }),
      (created) => ({
        actor: actor.username,
        action: actor.canPublish ? 'faq.update' : 'faq.draft',
        target: created.id,
        detail: { overrides: faqId },
      }),
    );
    return { entry, reindexed: actor.canPublish ? await this.reindex() : false };
  }

  /**
   * Approves a draft (admin) and re-indexes; CONFLICT when another approval or edit came first. A request to
   * hide or to publish again is audited as such (faq.hidden / faq.unhidden); a sheet's FAQ published again
   * serves the sheet's text (its override goes).
   */
  async approve(id: string, expectedVersion: number, admin: string): Promise<FaqChange> {
    const current = await this.deps.store.get(id);
    if (!current || current.status !== 'draft')
      throw new KotaeError('CONFLICT', `faq ${id} is not a draft`, { userMessage: TICKET_MESSAGES.faqNotDraft });
    const replaced = current.replacesId ? await this.deps.store.get(current.replacesId) : undefined;
    const hides = current.hiddenAt !== undefined;
    const toggles = hides !== (replaced?.hiddenAt !== undefined);
    const entry = await this.deps.audit.atomically(
      async () => {
        const published = await this.deps.store.approve(id, expectedVersion, admin);
        if (toggles && !hides && published.sourceKey) await this.deps.store.delete(published.id);
        return published;
      },
      (published) => ({
        actor: admin,
        action: toggles ? visibilityAction(hides) : 'faq.approve',
        target: id,
        detail: { published: published.id },
      }),
    );
    return { entry, reindexed: await this.reindex() };
  }

  /**
   * Hides a published faq_entry row (「回答に使わない（非公開にする）」) or publishes it again, against
   * `expectedVersion`: an administrator's change applies at once, an operator's is a draft (a request) until an
   * administrator approves it. A sheet's FAQ published again serves the sheet's text: its override is deleted.
   */
  async setHidden(id: string, expectedVersion: number, hidden: boolean, actor: FaqActor): Promise<FaqChange> {
    const current = await this.get(id);
    if (current.status !== 'approved')
      throw new KotaeError('CONFLICT', `faq ${id} is not published`, { userMessage: TICKET_MESSAGES.faqNotPublished });
    if ((current.hiddenAt !== undefined) === hidden)
      throw new KotaeError('CONFLICT', `faq ${id} hidden is already ${hidden}`, {
        userMessage: hidden ? TICKET_MESSAGES.faqAlreadyHidden : TICKET_MESSAGES.faqNotHidden,
      });
    if (current.version !== expectedVersion)
      throw new KotaeError('CONFLICT', `faq ${id} version is not ${expectedVersion}`);
    const detail = { hidden, ...(current.sourceKey ? { faqId: current.sourceKey } : {}) };
    if (!actor.canPublish) {
      const draft = await this.deps.audit.atomically(
        () =>
          this.deps.store.create({
            ...contentOf(current),
            status: 'draft',
            origin: current.origin,
            sourceKey: current.sourceKey,
            replacesId: current.id,
            ticketId: current.ticketId,
            createdBy: actor.username,
            hidden,
          }),
        (created) => ({
          actor: actor.username,
          action: 'faq.draft',
          target: created.id,
          detail: { replaces: id, ...detail },
        }),
      );
      return { entry: draft, reindexed: false };
    }
    const entry = await this.deps.audit.atomically(
      async () => {
        if (hidden || !current.sourceKey) return this.deps.store.setHidden(id, expectedVersion, hidden);
        await this.deps.store.delete(id);
        return { ...current, hiddenAt: undefined };
      },
      () => ({ actor: actor.username, action: visibilityAction(hidden), target: id, detail }),
    );
    return { entry, reindexed: await this.reindex() };
  }

  /**
   * Hides a sheet's FAQ (knowledge folder or SharePoint) or publishes it again: the flag of its override, or a
   * new hidden override of that FAQ id (the sheet's text, for the list) when it has none.
   */
  async setIndexedHidden(faqId: string, hidden: boolean, actor: FaqActor): Promise<FaqChange> {
    const item = await this.indexedItem(faqId);
    if (item.entry) return this.setHidden(item.entry.id, item.entry.version, hidden, actor);
    if (!hidden)
      throw new KotaeError('CONFLICT', `indexed faq ${faqId} is not hidden`, {
        userMessage: TICKET_MESSAGES.faqNotHidden,
      });
    const c = item.content;
    const entry = await this.deps.audit.atomically(
      () =>
        this.deps.store.create({
          ...contentOf(c),
          category: c.category.trim() || 'その他',
          status: actor.canPublish ? 'approved' : 'draft',
          origin: item.origin,
          sourceKey: faqId,
          createdBy: actor.username,
          hidden: true,
        }),
      (created) => ({
        actor: actor.username,
        action: actor.canPublish ? visibilityAction(true) : 'faq.draft',
        target: created.id,
        detail: { hidden: true, faqId },
      }),
    );
    return { entry, reindexed: actor.canPublish ? await this.reindex() : false };
  }

  /** Deletes an FAQ; re-indexes when it was approved (a deleted override lets the sheet's text serve again). */
  async delete(id: string, actor: string): Promise<FaqChange> {
    const entry = await this.get(id);
    await this.deps.audit.atomically(
      () => this.deps.store.delete(id),
      () => ({ actor, action: 'faq.delete', target: id }),
    );
    return { entry, reindexed: entry.status === 'approved' ? await this.reindex() : false };
  }

  private async indexedFaqs(): Promise<IndexedFaq[]> {
    return this.deps.indexed ? this.deps.indexed.list() : [];
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

/** The audit action of hiding an FAQ or publishing it again. */
function visibilityAction(hidden: boolean): string {
  return hidden ? 'faq.hidden' : 'faq.unhidden';
}

/** The editable fields of an FAQ (of a row or a sheet), without the rest. */
function contentOf(f: FaqInput): FaqInput {
  return {
    category: f.category,
    question: f.question,
    alternateQuestions: f.alternateQuestions,
    answer: f.answer,
    sourceUrl: f.sourceUrl,
  };
}
