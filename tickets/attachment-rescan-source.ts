/**
 * The stored attachments as a rescan sees them: every file of this instance's attachment store that some
 * row still references (a file waiting for the retention sweep is skipped), listed lazily and checked in
 * batches, so memory stays bounded whatever the number of files. An infected file needs no isolation of its
 * own: its quarantine (FileScanStore) stops every route serving its rows.
 */
import type { AttachmentFileStore, AttachmentStore, TicketStore } from './ports';
import type { QuarantinedFile, RescanItem, RescanSource } from './stored-file-rescan';

/** How many listed files are checked against the rows at once. */
const BATCH = 100;

/** What the attachment source needs. */
export interface AttachmentRescanDeps {
  files: Pick<AttachmentFileStore, 'list' | 'read'>;
  rows: Pick<AttachmentStore, 'referencedHashes' | 'withHash'>;
  /** Names the ticket of a row in the audit target. */
  tickets: Pick<TicketStore, 'get'>;
}

/** The attachment store as a RescanSource. */
export function attachmentRescanSource(d: AttachmentRescanDeps): RescanSource {
  const item = (sha256: string): RescanItem => ({
    file: { kind: 'attachment', sha256 },
    read: () => d.files.read(sha256),
  });
  async function* referenced(batch: string[]): AsyncIterable<RescanItem> {
    const kept = await d.rows.referencedHashes(batch);
    for (const sha of batch) if (kept.has(sha)) yield item(sha);
  }
  return {
    kind: 'attachment',
    async *files() {
      let batch: string[] = [];
      for await (const f of d.files.list()) {
        batch.push(f.sha256);
        if (batch.length < BATCH) continue;
        yield* referenced(batch);
        batch = [];
      }
      if (batch.length > 0) yield* referenced(batch);
    },
    async describe(i) {
      const rows = await d.rows.withHash(i.file.sha256);
      const described: QuarantinedFile[] = [];
      for (const r of rows) {
        const ticket = r.ticketId ? await d.tickets.get(r.ticketId).catch(() => undefined) : undefined;
        const where = ticket?.number ?? (r.conversationId ? `conversation:${r.conversationId}` : `attachment:${r.id}`);
        described.push({
          kind: 'attachment',
          fileName: r.fileName,
          where,
          sizeBytes: r.sizeBytes,
          sha256: i.file.sha256,
          attachmentId: r.id,
          uploadedBy: r.uploadedBy,
        });
      }
      return described;
    },
    isolate: async () => undefined,
  };
}
