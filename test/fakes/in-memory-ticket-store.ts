/** Deterministic in-memory TicketStore (and TicketOutbox) for tests; same contract as SqlTicketStore. */
import { KotaeError } from '../../core/errors';
import { jstParts } from '../../calendar';
import type {
  TicketComment,
  TicketEvent,
  TicketOrder,
  TicketOrderColumn,
  TicketPatch,
  TicketQuery,
  TicketStore,
} from '../../tickets';
import {
  KEPT_AFTER_TEAMS_DELETE,
  KEPT_AFTER_TEAMS_UNDELETE,
  RESTORED_AFTER_TEAMS_UNDELETE,
  WITHDRAWN_AS_BOT_QUESTION,
  WITHDRAWN_AS_TEAMS_DELETED,
  WITHDRAWN_FIELD,
  type WithdrawalReason,
} from '../../tickets';
import { type TranscriptEntry } from '../../conversations';
import { OPEN_TICKET_STATUSES, compareTies, type NewTicket, type TicketRecord } from '../../tickets';
import type { OutboxFilter, TicketOutbox } from '../../tickets';

type Stored = { ticket: TicketRecord; transcript: TranscriptEntry[]; sourceActivityId?: string };

const show = (v: unknown): string | undefined =>
  v === undefined || v === null ? undefined : v instanceof Date ? v.toISOString() : String(v);

function copy(t: TicketRecord): TicketRecord {
  return structuredClone(t);
}

/** In-memory TicketStore with optimistic locking, history and comments. */
export class InMemoryTicketStore implements TicketStore, TicketOutbox {
  private readonly tickets: Stored[] = [];
  private readonly commentList: TicketComment[] = [];
  private readonly events: TicketEvent[] = [];
  private readonly claims = new Map<string, { worker: string; until: number }>();
  private ids = 0;

  constructor(
    private readonly now: () => Date = () => new Date(),
    private readonly prefix = 'HD',
  ) {}

  private nextId(kind: string): string {
    this.ids += 1;
    return `${kind}-${String(this.ids).padStart(8, '0')}`;
  }

  async create(input: NewTicket, actor: string): Promise<TicketRecord> {
    const dup = input.sourceActivityId && this.tickets.find((s) => s.sourceActivityId === input.sourceActivityId);
    if (dup) return copy(dup.ticket);
    const at = this.now();
    const year = jstParts(at).year;
    const seq = this.tickets.filter((s) => s.ticket.number.startsWith(`${this.prefix}-${year}-`)).length + 1;
    const ticket: TicketRecord = {
      id: this.nextId('t'),
      number: `${this.prefix}-${year}-${String(seq).padStart(6, '0')}`,
      conversationId: input.conversationId,
      status: 'new',
      type: input.type,
      priority: input.priority,
      category: input.category,
      title: input.title.slice(0, 400),
      details: input.details,
      requester: { ...input.requester },
      channel: input.channel,
      createdAt: at,
      updatedAt: at,
      holds: [],
      version: 1,
    };
    this.tickets.push({
      ticket,
      transcript: input.transcript.map((e) => ({ ...e })),
      sourceActivityId: input.sourceActivityId,
    });
    this.event(ticket.id, at, actor, 'created', undefined, ticket.number);
    return copy(ticket);
  }

  async openForConversation(
    input: NewTicket & { conversationId: string },
    actor: string,
  ): Promise<{ ticket: TicketRecord; created: boolean }> {
    const open = this.tickets
      .map((s) => s.ticket)
      .filter((t) => t.conversationId === input.conversationId && OPEN_TICKET_STATUSES.includes(t.status))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())[0];
    if (open) return { ticket: copy(open), created: false };
    return { ticket: await this.create(input, actor), created: true };
  }

  private find(idOrNumber: string): Stored | undefined {
    const key = idOrNumber.trim();
    return (
      this.tickets.find((s) => s.ticket.id === key) ?? this.tickets.find((s) => s.ticket.number === key.toUpperCase())
    );
  }

  async get(idOrNumber: string): Promise<TicketRecord | undefined> {
    const s = this.find(idOrNumber);
    return s ? copy(s.ticket) : undefined;
  }

  /** What search looks in: number, title, details, requester, 所属 and comments, lower-cased. */
  private searchText(t: TicketRecord): string {
    const { name, id, department } = t.requester;
    const comments = this.commentList.filter((c) => c.ticketId === t.id).map((c) => c.body);
    return [t.number, t.title, t.details, name, id, department, ...comments].join(' ').toLowerCase();
  }

  async list(q: TicketQuery): Promise<{ items: TicketRecord[]; total: number }> {
    const match = this.tickets
      .map((s) => s.ticket)
      .filter((t) => !q.status?.length || q.status.includes(t.status))
      .filter((t) => (!q.category || t.category === q.category) && (!q.assignee || t.assignee === q.assignee))
      .filter((t) => (!q.type || t.type === q.type) && (!q.priority || t.priority === q.priority))
      .filter((t) => !q.conversationId || t.conversationId === q.conversationId)
      .filter((t) => !q.requesterId || t.requester.id === q.requesterId)
      .filter((t) => !q.hideConfidential || !t.confidential)
      .filter((t) => (!q.createdFrom || t.createdAt >= q.createdFrom) && (!q.createdTo || t.createdAt <= q.createdTo))
      .filter((t) => !q.terms?.length || q.terms.every((term) => this.searchText(t).includes(term.toLowerCase())))
      .sort((a, b) => order(a, b, q.order));
    const offset = q.offset ?? 0;
    return { items: match.slice(offset, offset + Math.min(q.limit ?? 100, 1000)).map(copy), total: match.length };
  }

  async update(id: string, expectedVersion: number, patch: TicketPatch, actor: string): Promise<TicketRecord> {
    const s = this.find(id);
    if (!s) throw new KotaeError('NOT_FOUND', `ticket ${id} not found`, { userMessage: 'チケットが見つかりません。' });
    const t = s.ticket;
    if (t.version !== expectedVersion)
      throw new KotaeError('CONFLICT', `ticket ${t.number} version ${t.version} != ${expectedVersion}`);
    const at = this.now();
    const next = copy(t);
    const changes: [string, string | undefined, string | undefined][] = [];
    const apply = <K extends keyof TicketRecord>(field: K, value: TicketRecord[K], name: string = field) => {
      if (show(t[field]) === show(value)) return;
      next[field] = value;
      changes.push([name, show(t[field]), show(value)]);
    };
    const simple = ['status', 'type', 'priority', 'category', 'title'] as const;
    for (const f of simple) if (patch[f] !== undefined) apply(f, patch[f] as TicketRecord[typeof f]);
    if (patch.assignee !== undefined) apply('assignee', patch.assignee ?? undefined);
    if (patch.firstResponseAt !== undefined) apply('firstResponseAt', patch.firstResponseAt);
    if (patch.resolvedAt !== undefined) apply('resolvedAt', patch.resolvedAt ?? undefined);
    if (patch.closedAt !== undefined) apply('closedAt', patch.closedAt ?? undefined);
    if (patch.requesterRepliedAt !== undefined) apply('requesterRepliedAt', patch.requesterRepliedAt ?? undefined);
    if (patch.restorationStartedAt !== undefined) apply('restorationStartedAt', patch.restorationStartedAt);
    if (patch.incidentReportAt !== undefined) apply('incidentReportAt', patch.incidentReportAt);
    if (patch.confidential !== undefined && patch.confidential !== Boolean(t.confidential)) {
      if (patch.confidential) next.confidential = true;
      else delete next.confidential;
      changes.push(['confidentiality', t.confidential ? '3' : undefined, patch.confidential ? '3' : undefined]);
    }
    const fields = { cause: 'incidentCause', actions: 'incidentActions', prevention: 'incidentPrevention' } as const;
    for (const [key, name] of Object.entries(fields) as [keyof typeof fields, string][]) {
      const value = patch.incident?.[key];
      if (value === undefined || value === t.incident?.[key]) continue;
      next.incident = { ...next.incident, [key]: value };
      changes.push([name, t.incident?.[key], value]);
    }
    if (changes.length === 0) return copy(t);
    if (next.status !== t.status) {
      const open = next.holds.find((h) => !h.to);
      if (next.status === 'on_hold' && !open) next.holds.push({ from: at });
      if (next.status !== 'on_hold' && open) open.to = at;
    }
    next.updatedAt = at;
    next.version = t.version + 1;
    s.ticket = next;
    for (const [field, before, after] of changes) this.event(t.id, at, actor, field, before, after);
    return copy(next);
  }

  async addComment(ticketId: string, c: Omit<TicketComment, 'id' | 'ticketId' | 'createdAt'>): Promise<TicketComment> {
    const comment: TicketComment = { ...c, id: this.nextId('c'), ticketId, createdAt: this.now() };
    this.commentList.push(comment);
    return { ...comment };
  }

  async markDelivered(commentId: string, result: { deliveredAt?: Date; deliveryError?: string }): Promise<void> {
    const c = this.commentList.find((x) => x.id === commentId);
    if (c) Object.assign(c, { deliveredAt: result.deliveredAt, deliveryError: result.deliveryError });
  }

  async withdrawRequesterComment(
    ticketId: string,
    commentId: string,
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
    reason: WithdrawalReason = WITHDRAWN_AS_BOT_QUESTION,
  ): Promise<boolean> {
    const comment = this.commentList.find((c) => c.id === commentId && c.ticketId === ticketId);
    if (!comment || comment.kind !== 'requester') return false;
    const s = this.find(ticketId);
    if (!s || s.ticket.version !== expectedVersion)
      throw new KotaeError('CONFLICT', `ticket ${ticketId} is not at version ${expectedVersion}`);
    const version = s.ticket.version;
    const updated = await this.update(ticketId, expectedVersion, patch, actor);
    // The withdrawal is a change of its own: a new version even when no flag moved.
    if (updated.version === version) s.ticket = { ...s.ticket, updatedAt: this.now(), version: version + 1 };
    comment.kind = reason === WITHDRAWN_AS_TEAMS_DELETED ? 'deleted' : 'withdrawn';
    this.event(ticketId, this.now(), actor, WITHDRAWN_FIELD, comment.body, reason);
    return true;
  }

  async noteRequesterDeletion(ticketId: string, commentId: string, actor: string, deleted = true): Promise<boolean> {
    const comment = this.commentList.find((c) => c.id === commentId && c.ticketId === ticketId);
    if (!comment || comment.kind !== 'requester' || deleted === (comment.deletedInChannelAt !== undefined))
      return false;
    if (deleted) comment.deletedInChannelAt = this.now();
    else delete comment.deletedInChannelAt;
    const note = deleted ? KEPT_AFTER_TEAMS_DELETE : KEPT_AFTER_TEAMS_UNDELETE;
    this.event(ticketId, this.now(), actor, WITHDRAWN_FIELD, comment.body, note);
    return true;
  }

  async restoreRequesterComments(
    ticketId: string,
    commentIds: readonly string[],
    expectedVersion: number,
    patch: TicketPatch,
    actor: string,
  ): Promise<boolean> {
    const deleted = this.commentList.filter(
      (c) => c.ticketId === ticketId && c.kind === 'deleted' && commentIds.includes(c.id),
    );
    if (deleted.length === 0) return false;
    const s = this.find(ticketId);
    if (!s || s.ticket.version !== expectedVersion)
      throw new KotaeError('CONFLICT', `ticket ${ticketId} is not at version ${expectedVersion}`);
    const version = s.ticket.version;
    const updated = await this.update(ticketId, expectedVersion, patch, actor);
    // The restore is a change of its own: a new version even when no flag moved.
    if (updated.version === version) s.ticket = { ...s.ticket, updatedAt: this.now(), version: version + 1 };
    for (const c of deleted) {
      c.kind = 'requester';
      delete c.deletedInChannelAt;
    }
    this.event(ticketId, this.now(), actor, WITHDRAWN_FIELD, deleted[0]!.body, RESTORED_AFTER_TEAMS_UNDELETE);
    return true;
  }

  async markRepliesRead(conversationId: string, at: Date): Promise<number> {
    const ids = new Set(this.tickets.filter((s) => s.ticket.conversationId === conversationId).map((s) => s.ticket.id));
    const unread = this.commentList.filter(
      (c) => c.kind === 'reply' && c.deliveredAt && !c.readAt && ids.has(c.ticketId),
    );
    for (const c of unread) c.readAt = at;
    return unread.length;
  }

  async comments(ticketId: string): Promise<TicketComment[]> {
    return this.commentList.filter((c) => c.ticketId === ticketId).map((c) => ({ ...c }));
  }

  async history(ticketId: string): Promise<TicketEvent[]> {
    return this.events.filter((e) => e.ticketId === ticketId).map((e) => ({ ...e }));
  }

  async transcript(ticketId: string): Promise<TranscriptEntry[]> {
    return (this.tickets.find((s) => s.ticket.id === ticketId)?.transcript ?? []).map((e) => ({ ...e }));
  }

  async undelivered(limit: number, createdBefore: Date, filter: OutboxFilter = {}): Promise<TicketComment[]> {
    const at = filter.claimableAt;
    const channelOf = (c: TicketComment) => this.tickets.find((s) => s.ticket.id === c.ticketId)?.ticket.channel;
    return this.commentList
      .filter(
        (c) => c.kind === 'reply' && !c.deliveredAt && (c.deliveryError !== undefined || c.createdAt < createdBefore),
      )
      .filter((c) => !at || !this.claims.get(c.id) || (this.claims.get(c.id)?.until ?? 0) < at.getTime())
      .filter((c) => !filter.channel || channelOf(c) === filter.channel)
      .slice(0, limit)
      .map((c) => ({ ...c }));
  }

  async claim(commentId: string, worker: string, now: Date, until: Date): Promise<boolean> {
    const c = this.commentList.find((x) => x.id === commentId);
    const held = this.claims.get(commentId);
    if (!c || c.deliveredAt || (held && held.until >= now.getTime())) return false;
    this.claims.set(commentId, { worker, until: until.getTime() });
    return true;
  }

  async release(commentId: string, worker: string, retryAfter?: Date): Promise<void> {
    if (this.claims.get(commentId)?.worker !== worker) return;
    if (retryAfter) this.claims.set(commentId, { worker: '', until: retryAfter.getTime() });
    else this.claims.delete(commentId);
  }

  private event(ticketId: string, at: Date, actor: string, field: string, before?: string, after?: string): void {
    this.events.push({ id: this.nextId('e'), ticketId, at, actor, field, before, after });
  }
}

/** The value of an order column, a missing one as ''. */
function columnValue(t: TicketRecord, column: TicketOrderColumn): string | number {
  if (column === 'createdAt') return t.createdAt.getTime();
  if (column === 'requesterName') return t.requester.name ?? '';
  if (column === 'department') return t.requester.department ?? '';
  return t[column] ?? '';
}

/** The value a ticket is ordered by: its column, or the column's place in the ranks (-1 when not listed). */
function orderValue(t: TicketRecord, o: TicketOrder): string | number {
  const value = columnValue(t, o.column);
  return o.ranks ? o.ranks.indexOf(String(value)) : value;
}

/**
 * As the SQL store orders (code-point comparison, as SQLite's and PostgreSQL's C collation; a ranked column
 * by its place in the ranks): column, then newest, then the larger number (compareTies).
 */
function order(a: TicketRecord, b: TicketRecord, o: TicketQuery['order']): number {
  const ties = compareTies(a, b, o?.column === 'createdAt' && o.dir === 'asc');
  if (!o) return ties;
  const [x, y] = [orderValue(a, o), orderValue(b, o)];
  const c = x < y ? -1 : x > y ? 1 : 0;
  return c !== 0 ? (o.dir === 'asc' ? c : -c) : ties;
}
