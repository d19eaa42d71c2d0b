/**
 * The attachment rows as the desk serves them: each row whose content a rescan found infected carries its
 * quarantine (the console shows 隔離済み; AttachmentService refuses its content with 410). A decorator of any
 * AttachmentStore, so the ticket page, the web chat and the download routes all see the same state.
 */
import type { FileScanStore } from './file-scan-store';
import type { AttachmentStore } from './ports';
import type { AttachmentMeta, NewAttachment } from './types';

/** AttachmentStore whose rows carry the quarantine of their content. */
export class QuarantinedAttachments implements AttachmentStore {
  constructor(
    private readonly rows: AttachmentStore,
    private readonly scans: Pick<FileScanStore, 'quarantined'>,
  ) {}

  private async marked(metas: AttachmentMeta[]): Promise<AttachmentMeta[]> {
    const hashes = metas.flatMap((m) => (m.sha256 ? [m.sha256] : []));
    if (hashes.length === 0) return metas;
    const found = await this.scans.quarantined('attachment', hashes);
    return metas.map((m) => {
      const quarantine = m.sha256 ? found.get(m.sha256) : undefined;
      return quarantine ? { ...m, quarantine } : m;
    });
  }

  async add(meta: NewAttachment): Promise<AttachmentMeta> {
    const [row] = await this.marked([await this.rows.add(meta)]);
    return row!;
  }

  async get(id: string): Promise<AttachmentMeta | undefined> {
    const row = await this.rows.get(id);
    return row && (await this.marked([row]))[0];
  }

  async list(ticketId: string): Promise<AttachmentMeta[]> {
    return this.marked(await this.rows.list(ticketId));
  }

  async listForConversation(conversationId: string): Promise<AttachmentMeta[]> {
    return this.marked(await this.rows.listForConversation(conversationId));
  }

  openTicketOf(conversationId: string): Promise<string | undefined> {
    return this.rows.openTicketOf(conversationId);
  }

  linkHeld(conversationId: string, ticketId: string): Promise<number> {
    return this.rows.linkHeld(conversationId, ticketId);
  }

  referencedHashes(sha256s: readonly string[]): Promise<Set<string>> {
    return this.rows.referencedHashes(sha256s);
  }

  async withHash(sha256: string): Promise<AttachmentMeta[]> {
    return this.marked(await this.rows.withHash(sha256));
  }
}
