/**
 * The ticket domain service: lifecycle, the incident rule, replies and internal notes, SLA clocks,
 * attachments sent with replies. Optimistic locking is enforced by the store (CONFLICT on a stale version).
 */
import { KotaeError } from '../core';
import type { TicketComment, TicketPatch, TicketQuery } from './ports';
import type { NewTicket, TicketRecord, TicketStatus } from './records';
import type { SlaResult } from '../calendar';
import { assertIncidentComplete } from './incident-rule';
import { assertTransition, statusPatch } from './lifecycle';
import { TICKET_MESSAGES } from './messages';
import { MERGE_MESSAGES, mergeTickets } from './merge';
import type { RetryResult } from './reply-delivery';
import { ticketClocks, ticketSla } from './sla-view';
import type { TicketViewer } from './confidential-roster';
import { impliedRestorationStart, missingIncidentFields } from './incident-rule';
import type { AuditEntry } from './audit';
import type { AttachmentMeta } from './types';
import type { StagedAttachment } from './attachment-service';
import { ATTACHMENT_MESSAGES } from './attachment-messages';
import { DEFAULT_CATEGORIES } from './categories';
import { oncePerKey } from './write-keys';
import { commentWrite, earlierComment, replyAgain, type KeyedCommentDeps } from './keyed-comments';
import { countsByStatus, queuePage, type QueueDeps, type QueueFilter, type QueuePage } from './ticket-queue';
import { masked, maskedKeepingName } from './personal-data';
import type { TicketChanges, TicketDetail, TicketServiceDeps } from './ticket-service-types';
import {
  checkBody,
  checkLength,
  changedFields,
  DUTY_MESSAGES,
  maskedChanges,
  MAX_DETAILS_LENGTH,
  MAX_TITLE_LENGTH,
} from './ticket-checks';

export { MAX_COMMENT_LENGTH, MAX_DETAILS_LENGTH, MAX_TITLE_LENGTH } from './ticket-checks';

export type { QueueFilter, QueuePage } from './ticket-queue';
export type { TicketChanges, TicketDetail, TicketServiceDeps } from './ticket-service-types';

/** Works tickets on behalf of operators. */
export class TicketService {
  /** The configured category list. */
  readonly categories: readonly string[];

  constructor(private readonly deps: TicketServiceDeps) {
    this.categories = deps.categories ?? DEFAULT_CATEGORIES;
  }

  /**
   * The same service as seen by one operator: tickets marked 機密性3 do not exist for a viewer who is
   * neither an administrator nor rostered now (get → NOT_FOUND; queue, search and history leave them out).
   */
  forViewer(viewer: TicketViewer): TicketService {
    return new TicketService({ ...this.deps, viewer });
  }

  /** Whether this service's viewer may see tickets marked 機密性3 now. */
  async maySeeConfidential(): Promise<boolean> {
    const { viewer, roster } = this.deps;
    if (!viewer) return true;
    if (!roster) return viewer.role === 'admin';
    return roster.maySeeConfidential(viewer);
  }

  /** Creates a ticket by hand (e.g. a phone call); escalations from the bot use the store directly. */
  async create(input: NewTicket, actor: string): Promise<TicketRecord> {
    this.assertCategory(input.category);
    checkLength(input.title, MAX_TITLE_LENGTH);
    checkLength(input.details, MAX_DETAILS_LENGTH);
    const m = this.deps.masker;
    return this.deps.audit.atomically(
      () =>
        this.deps.store.create({ ...input, title: masked(input.title, m), details: masked(input.details, m) }, actor),
      (ticket) => ({ actor, action: 'ticket.create', target: ticket.number }),
    );
  }

  /** A ticket by id or number; NOT_FOUND otherwise. */
  async get(idOrNumber: string): Promise<TicketRecord> {
    const ticket = await this.deps.store.get(idOrNumber);
    // A 機密性3 ticket the viewer may not see answers exactly like a ticket that does not exist.
    if (!ticket || (ticket.confidential && !(await this.maySeeConfidential())))
      throw new KotaeError('NOT_FOUND', `ticket ${idOrNumber} not found`, {
        userMessage: TICKET_MESSAGES.ticketNotFound,
      });
    return ticket;
  }

  /** The SLA clocks of a ticket now (per type when targets are configured). */
  sla(ticket: TicketRecord): SlaResult {
    const { slaTargets, slaPolicy, calendar, clock } = this.deps;
    return slaTargets
      ? ticketClocks(ticket, slaTargets, calendar, clock.now())
      : ticketSla(ticket, slaPolicy, calendar, clock.now());
  }

  /** The store query with 機密性3 tickets left out when the viewer may not see them. */
  private async scoped<Q extends TicketQuery>(query: Q): Promise<Q> {
    return (await this.maySeeConfidential()) ? query : { ...query, hideConfidential: true };
  }

  /** The queue with SLA clocks; the SLA filter applies to the more urgent of the two clocks. */
  queue(filter: QueueFilter): Promise<QueuePage> {
    return queuePage(this.queueDeps(), filter);
  }

  /** Number of tickets in each status. */
  countsByStatus(): Promise<Record<TicketStatus, number>> {
    return countsByStatus(this.queueDeps());
  }

  private queueDeps(): QueueDeps {
    return { store: this.deps.store, scoped: (q) => this.scoped(q), sla: (t) => this.sla(t) };
  }

  /** The ticket with its SLA, comments, history, transcript and attachments. */
  async detail(idOrNumber: string): Promise<TicketDetail> {
    const ticket = await this.get(idOrNumber);
    const { store } = this.deps;
    const [comments, history, transcript, attachments] = await Promise.all([
      store.comments(ticket.id),
      store.history(ticket.id),
      store.transcript(ticket.id),
      this.deps.attachments.list(ticket.id),
    ]);
    return { ticket, sla: this.sla(ticket), comments, history, transcript, attachments };
  }

  /**
   * Saves an operator's changes against `expectedVersion` (CONFLICT when stale; nothing is
   * overwritten). Validates the transition and the incident rule; notifies the requester of a new status.
   */
  async update(
    idOrNumber: string,
    expectedVersion: number,
    changes: TicketChanges,
    actor: string,
  ): Promise<TicketRecord> {
    const ticket = await this.get(idOrNumber);
    if (ticket.version !== expectedVersion) {
      throw new KotaeError(
        'CONFLICT',
        `ticket ${ticket.number} version ${ticket.version} != expected ${expectedVersion}`,
      );
    }
    // A category stored before categories were checked (e.g. by the public API) may stay as it is.
    if (changes.category !== undefined && changes.category !== ticket.category) this.assertCategory(changes.category);
    const patch: TicketPatch = { ...changes, ...maskedChanges(changes, this.deps.masker) };
    const statusChanged = changes.status !== undefined && changes.status !== ticket.status;
    if (changes.status !== undefined && statusChanged) {
      assertTransition(ticket.status, changes.status);
      Object.assign(patch, statusPatch(ticket, changes.status, this.deps.clock.now()));
      const incident = { ...ticket.incident, ...changes.incident };
      assertIncidentComplete(changes.type ?? ticket.type, changes.status, incident);
    } else {
      delete patch.status;
    }
    // The incident-report clock stops the first time cause, actions and prevention are all recorded.
    const after = { ...ticket.incident, ...patch.incident };
    if (
      (changes.type ?? ticket.type) === 'incident' &&
      !ticket.incidentReportAt &&
      !missingIncidentFields(after).length
    )
      patch.incidentReportAt = this.deps.clock.now();
    const restorationStartedAt = impliedRestorationStart(ticket, patch, this.deps.clock.now());
    if (restorationStartedAt) patch.restorationStartedAt = restorationStartedAt;
    const updated = await this.deps.audit.atomically(
      () => this.deps.store.update(ticket.id, expectedVersion, patch, actor),
      (saved) =>
        saved.version !== ticket.version
          ? { actor, action: 'ticket.update', target: ticket.number, detail: { changes: changedFields(ticket, saved) } }
          : undefined,
    );
    if (statusChanged)
      await this.addReply(updated, TICKET_MESSAGES.statusChanged(updated.number, updated.status), actor);
    return updated;
  }

  /**
   * Replies to the requester: stored first, then delivered; the first reply starts the response clock.
   * Files (staged by AttachmentService) are recorded on the ticket and named in the reply. With
   * `writeKey`, a second call with the same key writes nothing and returns the first reply (delivering
   * it if it is still pending and nobody holds its claim).
   */
  async reply(
    idOrNumber: string,
    body: string,
    actor: string,
    files: readonly StagedAttachment[] = [],
    writeKey?: string,
  ): Promise<TicketComment> {
    const text = files.length > 0 && !body.trim() ? ' ' : checkBody(body);
    const found = await this.get(idOrNumber);
    const service = this.deps.files;
    if (files.length > 0 && !service) throw new KotaeError('INTERNAL', 'no attachment service configured');
    const parts = [body, ...files.map((f) => `${f.fileName}:${f.sha256}`)];
    return oncePerKey(
      this.deps.writeKeys,
      commentWrite(writeKey, 'ticket.reply', actor, found.id, parts),
      () => this.deps.clock.now(),
      async (remember) => {
        let ticket = found;
        if (!ticket.firstResponseAt || ticket.requesterRepliedAt) ticket = await this.markResponded(ticket, actor);
        const lines = files.map((f) => ATTACHMENT_MESSAGES.replyLine(f.fileName, f.sizeBytes));
        const safeText = maskedKeepingName(text, ticket.requester.name, this.deps.masker);
        const full = [`${TICKET_MESSAGES.replyPrefix(ticket.number)}`, safeText.trim(), ...lines]
          .filter((l) => l)
          .join('\n');
        const target = ticket;
        return this.addReply(
          ticket,
          full,
          actor,
          async (stored) => {
            await remember(stored.id);
            for (const f of files) await service?.addFromOperator(target, f, actor, stored.id);
          },
          { actor, action: 'ticket.reply', target: ticket.number },
        );
      },
      (commentId) => replyAgain(this.keyed(), found.id, commentId),
    );
  }

  /**
   * Records 復旧作業開始 on an incident now, stopping its restoration-start clock (audited). INPUT_INVALID
   * for another type or when already recorded.
   */
  async recordRestorationStart(idOrNumber: string, actor: string): Promise<TicketRecord> {
    const ticket = await this.get(idOrNumber);
    if (ticket.type !== 'incident' || ticket.restorationStartedAt) {
      const message = ticket.type !== 'incident' ? DUTY_MESSAGES.notIncident : DUTY_MESSAGES.alreadyStarted;
      throw new KotaeError('INPUT_INVALID', `restoration start on ${ticket.number}`, { userMessage: message });
    }
    const at = this.deps.clock.now();
    return this.deps.audit.atomically(
      () => this.deps.store.update(ticket.id, ticket.version, { restorationStartedAt: at }, actor),
      () => ({ actor, action: 'ticket.restoration_start', target: ticket.number }),
    );
  }

  /**
   * Marks a ticket 機密性3 (or clears the mark), audited. Only a viewer who may see 機密性3 tickets — an
   * administrator or an operator rostered now — may change it (AUTH_FORBIDDEN otherwise).
   */
  async setConfidential(idOrNumber: string, confidential: boolean, actor: string): Promise<TicketRecord> {
    const ticket = await this.get(idOrNumber);
    if (!(await this.maySeeConfidential()))
      throw new KotaeError('AUTH_FORBIDDEN', `${actor} is not rostered for 機密性3`, {
        userMessage: DUTY_MESSAGES.notRostered,
      });
    if (Boolean(ticket.confidential) === confidential) return ticket;
    return this.deps.audit.atomically(
      () => this.deps.store.update(ticket.id, ticket.version, { confidential }, actor),
      () => ({ actor, action: 'ticket.confidentiality', target: ticket.number, detail: { confidential } }),
    );
  }

  /**
   * Merges the duplicate `sourceId` into `targetId`: moves its comments, attachments and history, closes
   * it with a note, and tells its requester the surviving number. Returns the survivor.
   */
  async merge(sourceId: string, targetId: string, actor: string): Promise<TicketRecord> {
    const { source, target, closed } = await mergeTickets(
      { ...this.deps, get: (id) => this.get(id) },
      sourceId,
      targetId,
      actor,
    );
    await this.addReply(closed, MERGE_MESSAGES.requester(source.number, target.number), actor);
    return this.get(target.id);
  }

  /** The requester's other tickets, newest first (by requester id, else by the conversation). */
  async requesterHistory(ticket: TicketRecord, limit = 20): Promise<TicketRecord[]> {
    const query = ticket.requester.id
      ? { requesterId: ticket.requester.id }
      : ticket.conversationId
        ? { conversationId: ticket.conversationId }
        : undefined;
    if (!query) return [];
    const page = await this.deps.store.list(await this.scoped({ ...query, limit: limit + 1 }));
    return page.items.filter((t) => t.id !== ticket.id).slice(0, limit);
  }

  /** Adds an internal note (never sent to the requester); `writeKey` as for reply. */
  async note(idOrNumber: string, body: string, actor: string, writeKey?: string): Promise<TicketComment> {
    const text = checkBody(body);
    const ticket = await this.get(idOrNumber);
    return oncePerKey(
      this.deps.writeKeys,
      commentWrite(writeKey, 'ticket.note', actor, ticket.id, [body]),
      () => this.deps.clock.now(),
      (remember) =>
        this.deps.audit.atomically(
          async () => {
            const stored = await this.deps.store.addComment(ticket.id, {
              kind: 'note',
              author: actor,
              body: masked(text, this.deps.masker),
            });
            await remember(stored.id);
            return stored;
          },
          () => ({ actor, action: 'ticket.note', target: ticket.number }),
        ),
      async (commentId) => (await earlierComment(this.keyed(), ticket.id, commentId))[1],
    );
  }

  /** What the write keys of replies and notes need of this service (keyed-comments.ts). */
  private keyed(): KeyedCommentDeps {
    return { get: (id) => this.get(id), store: this.deps.store, delivery: this.deps.delivery };
  }

  /** Attachments of a ticket. */
  async attachments(idOrNumber: string): Promise<AttachmentMeta[]> {
    return this.deps.attachments.list((await this.get(idOrNumber)).id);
  }

  /** Replies not delivered to the requester yet (未送信 / 送信失敗), oldest first. */
  undelivered(limit?: number): Promise<{ ticket: TicketRecord; comment: TicketComment }[]> {
    return this.deps.delivery.pending(limit);
  }

  /** Resends replies whose delivery failed. */
  retryUndelivered(limit?: number): Promise<RetryResult> {
    return this.deps.delivery.retryUndelivered(limit);
  }

  private async addReply(
    ticket: TicketRecord,
    body: string,
    actor: string,
    beforeDelivery?: (comment: TicketComment) => Promise<void>,
    audited?: AuditEntry,
  ): Promise<TicketComment> {
    // The reply, its files and its audit entry commit together; delivery happens after the commit.
    const comment = await this.deps.audit.atomically(
      async () => {
        const stored = await this.deps.store.addComment(ticket.id, { kind: 'reply', author: actor, body });
        await beforeDelivery?.(stored);
        return stored;
      },
      () => audited,
    );
    return this.deps.delivery.deliver(ticket, comment);
  }

  /**
   * Sets firstResponseAt (if unset) and clears 「依頼者から返信あり」 on the latest version; one retry if
   * another save raced us.
   */
  private async markResponded(ticket: TicketRecord, actor: string): Promise<TicketRecord> {
    const now = this.deps.clock.now();
    const patchOf = (t: TicketRecord): TicketPatch => ({
      ...(t.firstResponseAt ? {} : { firstResponseAt: now }),
      ...(t.requesterRepliedAt ? { requesterRepliedAt: null } : {}),
    });
    try {
      return await this.deps.store.update(ticket.id, ticket.version, patchOf(ticket), actor);
    } catch (err) {
      if (!(err instanceof KotaeError) || err.code !== 'CONFLICT') throw err;
      const fresh = await this.get(ticket.id);
      const patch = patchOf(fresh);
      return Object.keys(patch).length ? this.deps.store.update(fresh.id, fresh.version, patch, actor) : fresh;
    }
  }

  private assertCategory(category: string): void {
    if (!this.categories.includes(category)) {
      throw new KotaeError('INPUT_INVALID', `unknown category ${category}`, {
        userMessage: TICKET_MESSAGES.categoryUnknown(category),
      });
    }
  }
}
