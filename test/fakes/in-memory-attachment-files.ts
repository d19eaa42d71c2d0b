/** AttachmentFileStore in memory: same promises as the file-system store (see the contract suite). */
import { createHash, randomUUID } from 'node:crypto';
import { KotaeError } from '../../core/errors';
import type { AttachmentFileStore, StagedContent, StoredFileInfo } from '../../tickets';

/** Keeps staged and committed content in maps. */
export class InMemoryAttachmentFileStore implements AttachmentFileStore {
  readonly staged = new Map<string, Buffer>();
  private readonly stagedAt = new Map<string, Date>();
  readonly files = new Map<string, { content: Buffer; modifiedAt: Date }>();

  constructor(private readonly now: () => Date = () => new Date()) {}

  async stage(content: AsyncIterable<Uint8Array>): Promise<StagedContent> {
    const ref = randomUUID();
    const hash = createHash('sha256');
    const parts: Buffer[] = [];
    this.staged.set(ref, Buffer.alloc(0));
    this.stagedAt.set(ref, this.now());
    try {
      for await (const chunk of content) {
        hash.update(chunk);
        parts.push(Buffer.from(chunk));
      }
    } catch (err) {
      this.staged.delete(ref);
      throw err;
    }
    const buffer = Buffer.concat(parts);
    this.staged.set(ref, buffer);
    return { sha256: hash.digest('hex'), sizeBytes: buffer.length, ref };
  }

  async commit(staged: StagedContent): Promise<void> {
    const content = this.staged.get(staged.ref);
    if (!content) throw new KotaeError('NOT_FOUND', 'nothing staged');
    this.staged.delete(staged.ref);
    if (!this.files.has(staged.sha256)) this.files.set(staged.sha256, { content, modifiedAt: this.now() });
  }

  async discard(staged: StagedContent): Promise<void> {
    this.staged.delete(staged.ref);
  }

  async readStaged(staged: StagedContent): Promise<AsyncIterable<Uint8Array>> {
    const content = this.staged.get(staged.ref);
    if (!content) throw new KotaeError('NOT_FOUND', 'nothing staged');
    return (async function* () {
      yield content;
    })();
  }

  async read(sha256: string): Promise<AsyncIterable<Uint8Array>> {
    const file = this.files.get(sha256);
    if (!file) throw new KotaeError('NOT_FOUND', `attachment content ${sha256} missing`);
    return (async function* () {
      yield file.content;
    })();
  }

  async has(sha256: string): Promise<boolean> {
    return this.files.has(sha256);
  }

  async remove(sha256: string): Promise<void> {
    this.files.delete(sha256);
  }

  async removeStaleStaged(olderThan: Date): Promise<number> {
    let removed = 0;
    for (const [ref, at] of this.stagedAt) {
      if (!this.staged.has(ref) || at >= olderThan) continue;
      this.staged.delete(ref);
      removed += 1;
    }
    return removed;
  }

  async *list(): AsyncIterable<StoredFileInfo> {
    for (const [sha256, f] of [...this.files].sort(([a], [b]) => a.localeCompare(b)))
      yield { sha256, modifiedAt: f.modifiedAt };
  }
}
