/**
 * FAQ curation, whatever an FAQ's origin (a sheet in the knowledge folder, a SharePoint library, the
 * console, a promoted ticket). Approval is enforced here: operators create and edit drafts; an
 * operator's edit of a published FAQ is a new draft that replaces it only once an administrator
 * approves it (the published text keeps serving meanwhile); an edit of a sheet's FAQ is kept as an
 * override in faq_entry, which the ingest prefers to the sheet's row on every run. Administrators'
 * saves publish at once (they are the approvers). Every change to published FAQs re-indexes. A published
 * FAQ can be hidden (非公開) and published again under the same rule; a sheet's FAQ is hidden by a hidden
 * override of its id, which keeps that id out of the index until it goes. Deleting a published FAQ (or an
 * override) follows the same rule: an operator's delete is a request (a draft) an administrator approves.
 */
import { KotaeError } from '../core';
import type { Logger } from '../core';
import { TICKET_MESSAGES } from './messages';
import type { FaqStore, IndexedFaqSource } from './ports';
import type { AuditTrail } from './audit';
import type { FaqEntry, FaqInput, IndexedFaq } from './types';
import { faqCatalogue, type FaqListItem, type FaqVisibility } from './faq-catalogue';
import type { PiiMasker } from '../privacy';
import { depersonalize } from './faq-depersonalize';
import { cleanFaq, contentOf, replacingDraft, validateFaq } from './faq-input';

export type { FaqListItem, FaqVisibility } from './faq-catalogue';
export { proposeFaqFromTicket, validateFaq } from './faq-input';

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
  /** The entry was deleted (a direct delete, a discarded draft, or an approved request to delete). */
  deleted?: boolean;
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
        () => this.deps.store.create(replacingDraft(current, clean, actor.username, {})),
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
   * hide or to publish again is audited as such (faq.hidden / faq.unhidden), a request to delete deletes the entry
   * it replaces (faq.delete); a sheet's FAQ published again serves the sheet's text (its override goes).
   */
  async approve(id: string, expectedVersion: number, admin: string): Promise<FaqChange> {
    const current = await this.deps.store.get(id);
    if (!current || current.status !== 'draft')
      throw new KotaeError('CONFLICT', `faq ${id} is not a draft`, { userMessage: TICKET_MESSAGES.faqNotDraft });
    if (current.deleteRequestedAt !== undefined) return this.approveDelete(current, expectedVersion, admin);
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
        () => this.deps.store.create(replacingDraft(current, current, actor.username, { hidden })),
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

  /**
   * Deletes an faq_entry row (an override: the sheet's text serves again), re-indexing when it was published. A draft
   * is deleted at once (discarded; a request to delete is so rejected or withdrawn, audited as
   * faq.delete_rejected); so is a published FAQ by an administrator. An operator's delete of a published FAQ is a
   * request (a draft) until an administrator approves it; nothing changes meanwhile. `expectedVersion`, when given,
   * guards against a stale page.
   */
  async remove(id: string, actor: FaqActor, expectedVersion?: number): Promise<FaqChange> {
    const entry = await this.get(id);
    if (expectedVersion !== undefined && entry.version !== expectedVersion)
      throw new KotaeError('CONFLICT', `faq ${id} version is not ${expectedVersion}`);
    if (entry.status === 'approved' && !actor.canPublish) return this.requestDelete(entry, actor.username);
    const rejects = entry.status === 'draft' && entry.deleteRequestedAt !== undefined;
    await this.deps.audit.atomically(
      () => this.deps.store.delete(id),
      () => ({
        actor: actor.username,
        action: rejects ? 'faq.delete_rejected' : 'faq.delete',
        target: id,
        ...(rejects ? { detail: { replaces: entry.replacesId } } : {}),
      }),
    );
    return { entry, reindexed: entry.status === 'approved' ? await this.reindex() : false, deleted: true };
  }

  /** An operator's request to delete a published entry: a draft of its content, replacing it, flagged. */
  private async requestDelete(current: FaqEntry, actor: string): Promise<FaqChange> {
    const draft = await this.deps.audit.atomically(
      () => this.deps.store.create(replacingDraft(current, current, actor, { deleteRequested: true })),
      (created) => ({
        actor,
        action: 'faq.draft',
        target: created.id,
        detail: { replaces: current.id, delete: true, ...(current.sourceKey ? { faqId: current.sourceKey } : {}) },
      }),
    );
    return { entry: draft, reindexed: false };
  }

  /**
   * Approves a request to delete: the draft is claimed like any approval (of two approvals one wins, CONFLICT for
   * the other), then the entry it replaces is deleted (or the draft itself, when that entry went meanwhile).
   */
  private async approveDelete(draft: FaqEntry, expectedVersion: number, admin: string): Promise<FaqChange> {
    const entry = await this.deps.audit.atomically(
      async () => {
        const claimed = await this.deps.store.approve(draft.id, expectedVersion, admin);
        await this.deps.store.delete(claimed.id);
        return claimed;
      },
      (deleted) => ({
        actor: admin,
        action: 'faq.delete',
        target: deleted.id,
        detail: { request: draft.id, requestedBy: draft.createdBy },
      }),
    );
    return { entry, reindexed: await this.reindex(), deleted: true };
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
