/**
 * Attachments with their content: checked while they stream in (allow-list, magic bytes, size),
 * stored under their hash, recorded on a ticket or held on a conversation until it is escalated,
 * and handed out only to the conversation they belong to (requester) or to operators.
 */
import { KotaeError } from '../core';
import type { TicketStore } from './ports';
import type { AuditTrail } from './audit';
import { ATTACHMENT_MESSAGES } from './attachment-messages';
import { checkClaim, inspectContent, type AttachmentClaim } from './attachment-policy';
import type { UploadOrigin, UploadScan } from './attachment-scan';
import { SCAN_MESSAGES } from './scan-messages';
import type { AttachmentFileStore, AttachmentStore, StagedContent } from './ports';
import type { AttachmentKind, AttachmentMeta } from './types';

/** Default largest attachment (KOTAE_ATTACHMENT_MAX_BYTES). */
export const DEFAULT_ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What AttachmentService needs. */
export interface AttachmentServiceDeps {
  files: AttachmentFileStore;
  rows: AttachmentStore;
  tickets: Pick<TicketStore, 'get'>;
  audit: AuditTrail;
  maxBytes?: number;
  /** The malware scan of each staged file (absent: files are not scanned). */
  scan?: UploadScan;
  /**
   * KOTAE_ATTACHMENT_STORAGE=instance: a row whose file is missing from this instance's folder has it in the
   * folder of the instance that received it (the download says so instead of a bare 404).
   */
  perInstance?: boolean;
}

/** A checked file written aside: commit it with addFrom… or discard it. */
export interface StagedAttachment {
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  content: StagedContent;
}

/** Who sent a requester's file. */
export interface RequesterUpload {
  conversationId: string;
  /** Name or id of the requester, as shown to operators. */
  uploadedBy: string;
}

/** Where a requester's file went. */
export interface RequesterUploadResult {
  attachment: AttachmentMeta;
  /** The ticket it joined; undefined while it is held on the conversation. */
  ticketNumber?: string;
}

/** Stores, records and hands out attachment files. */
export class AttachmentService {
  /** The size limit in bytes. */
  readonly maxBytes: number;

  constructor(private readonly deps: AttachmentServiceDeps) {
    this.maxBytes = deps.maxBytes ?? DEFAULT_ATTACHMENT_MAX_BYTES;
  }

  /**
   * Checks the claim, then streams the content aside while checking it, then scans the staged copy for
   * malware (when a scanner is configured). Refusals are KotaeErrors with a Japanese message naming the
   * limit; nothing is kept when one is thrown. `origin` names the uploader in an infected file's audit row.
   */
  async stage(
    content: AsyncIterable<Uint8Array>,
    claim: AttachmentClaim,
    origin?: UploadOrigin,
  ): Promise<StagedAttachment> {
    const checked = checkClaim(claim, this.maxBytes);
    const inspection = inspectContent(content, checked, this.maxBytes);
    const staged = await this.deps.files.stage(inspection.chunks);
    const { sizeBytes, contentType } = inspection.result();
    const { scan, files } = this.deps;
    if (scan) {
      const file = {
        fileName: checked.fileName,
        sizeBytes,
        sha256: staged.sha256,
        read: () => files.readStaged(staged),
      };
      await scan.check(file, origin).catch(async (err: unknown) => {
        await files.discard(staged);
        throw err;
      });
    }
    return { fileName: checked.fileName, contentType, sizeBytes, sha256: staged.sha256, content: staged };
  }

  /** Drops a staged file that will not be recorded. */
  discard(staged: StagedAttachment): Promise<void> {
    return this.deps.files.discard(staged.content);
  }

  /** A requester's file: joins the conversation's open ticket, or is held until escalation. */
  async addFromRequester(upload: RequesterUpload, staged: StagedAttachment): Promise<RequesterUploadResult> {
    await this.deps.files.commit(staged.content);
    return this.deps.audit.atomically(
      () => this.recordRequesterFile(upload, staged),
      (r) => ({
        actor: upload.uploadedBy.slice(0, 100),
        action: 'ticket.attachment',
        target: r.ticketNumber ?? `conversation:${upload.conversationId}`,
        detail: { fileName: staged.fileName, sha256: staged.sha256, kind: 'requester' },
      }),
    );
  }

  private async recordRequesterFile(upload: RequesterUpload, staged: StagedAttachment): Promise<RequesterUploadResult> {
    const { rows } = this.deps;
    const ticketId = await rows.openTicketOf(upload.conversationId);
    let attachment = await this.record(staged, 'requester', upload.uploadedBy, {
      conversationId: upload.conversationId,
      ticketId,
    });
    let linkedTo = ticketId;
    if (!ticketId) {
      // A ticket created between the look-up and the insert did not see this row: link it now.
      const late = await rows.openTicketOf(upload.conversationId);
      if (late && (await rows.linkHeld(upload.conversationId, late)) > 0) {
        linkedTo = late;
        attachment = { ...attachment, ticketId: late };
      }
    }
    const ticket = linkedTo ? await this.deps.tickets.get(linkedTo) : undefined;
    return { attachment, ticketNumber: ticket?.number };
  }

  /** An operator's file sent with a reply (commentId) on a ticket. */
  async addFromOperator(
    ticket: { id: string; number: string; conversationId?: string },
    staged: StagedAttachment,
    actor: string,
    commentId?: string,
  ): Promise<AttachmentMeta> {
    await this.deps.files.commit(staged.content);
    return this.deps.audit.atomically(
      () =>
        this.record(staged, 'operator', actor, {
          ticketId: ticket.id,
          conversationId: ticket.conversationId,
          commentId,
        }),
      () => ({
        actor,
        action: 'ticket.attachment',
        target: ticket.number,
        detail: { fileName: staged.fileName, sha256: staged.sha256, kind: 'operator' },
      }),
    );
  }

  /** Moves the files held on a conversation to its new ticket. */
  linkHeld(conversationId: string, ticketId: string): Promise<number> {
    return this.deps.rows.linkHeld(conversationId, ticketId);
  }

  /** A ticket's attachments. */
  listForTicket(ticketId: string): Promise<AttachmentMeta[]> {
    return this.deps.rows.list(ticketId);
  }

  /** The files of a conversation that have content (what its requester may download). */
  async listForConversation(conversationId: string): Promise<AttachmentMeta[]> {
    return (await this.deps.rows.listForConversation(conversationId)).filter((a) => a.sha256);
  }

  /** An attachment of this conversation, for its requester; NOT_FOUND for any other (no leak of existence). */
  async forConversation(conversationId: string, attachmentId: string): Promise<AttachmentMeta> {
    const meta = await this.find(attachmentId);
    if (meta.conversationId !== conversationId) throw notFound(attachmentId);
    return meta;
  }

  /** Any attachment with content, for an operator. */
  forOperator(attachmentId: string): Promise<AttachmentMeta> {
    return this.find(attachmentId);
  }

  /**
   * The content of an attachment returned by forConversation / forOperator; FILE_QUARANTINED (410) once a
   * rescan found it infected (checked after the caller's access checks, so a stranger still gets 404); with
   * per-instance storage, NOT_FOUND naming the other server when the file is not in this instance's folder.
   */
  async content(meta: AttachmentMeta): Promise<AsyncIterable<Uint8Array>> {
    if (!meta.sha256) throw notFound(meta.id);
    if (meta.quarantine) {
      throw new KotaeError('FILE_QUARANTINED', `attachment ${meta.id} quarantined (${meta.quarantine.signature})`, {
        userMessage: SCAN_MESSAGES.quarantined(meta.fileName, meta.quarantine.signature),
      });
    }
    try {
      return await this.deps.files.read(meta.sha256);
    } catch (err) {
      if (!(this.deps.perInstance && err instanceof KotaeError && err.code === 'NOT_FOUND')) throw err;
      throw new KotaeError('NOT_FOUND', `attachment ${meta.id}: file kept by another instance`, {
        userMessage: ATTACHMENT_MESSAGES.elsewhere(meta.fileName),
        cause: err,
      });
    }
  }

  /**
   * Deletes stored files no row references that are older than `olderThan` (retention), and staged
   * copies a crash left behind; returns how many stored files went.
   */
  async removeUnreferencedFiles(olderThan: Date): Promise<number> {
    await this.deps.files.removeStaleStaged(olderThan);
    const candidates: string[] = [];
    for await (const f of this.deps.files.list()) if (f.modifiedAt < olderThan) candidates.push(f.sha256);
    let removed = 0;
    for (let i = 0; i < candidates.length; i += 200) {
      const batch = candidates.slice(i, i + 200);
      const referenced = await this.deps.rows.referencedHashes(batch);
      for (const sha of batch) {
        if (referenced.has(sha)) continue;
        await this.deps.files.remove(sha);
        removed += 1;
      }
    }
    return removed;
  }

  private async find(attachmentId: string): Promise<AttachmentMeta> {
    const meta = attachmentId.length <= 64 ? await this.deps.rows.get(attachmentId) : undefined;
    if (!meta?.sha256) throw notFound(attachmentId);
    return meta;
  }

  private record(
    staged: StagedAttachment,
    kind: AttachmentKind,
    uploadedBy: string,
    where: { ticketId?: string; conversationId?: string; commentId?: string },
  ): Promise<AttachmentMeta> {
    return this.deps.rows.add({
      ...where,
      kind,
      fileName: staged.fileName,
      contentType: staged.contentType,
      sizeBytes: staged.sizeBytes,
      sha256: staged.sha256,
      uploadedBy: uploadedBy.trim().slice(0, 100) || ATTACHMENT_MESSAGES.unnamedRequester,
    });
  }
}

function notFound(id: string): KotaeError {
  return new KotaeError('NOT_FOUND', `attachment ${id.slice(0, 64)} not found`, {
    userMessage: ATTACHMENT_MESSAGES.notFound,
  });
}
