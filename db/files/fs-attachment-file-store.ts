/**
 * AttachmentFileStore on the file system: `<root>/<first 2 hex>/<sha256>`, content-addressed.
 * stage() writes `<root>/tmp/<uuid>.part` chunk by chunk (bounded memory) while hashing; a failing
 * source removes the temp file. commit() fsyncs and renames it into place (atomic on one volume).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { KotaeError } from '../../core';
import type { AttachmentFileStore, StagedContent, StoredFileInfo } from '../../tickets';

const SHA256 = /^[0-9a-f]{64}$/;

/** The attachment folder under a data dir. */
export function attachmentDir(dataDir: string): string {
  return path.join(dataDir, 'attachments');
}

/** File-system implementation of AttachmentFileStore. */
export class FsAttachmentFileStore implements AttachmentFileStore {
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = path.join(root, 'tmp');
  }

  async stage(content: AsyncIterable<Uint8Array>): Promise<StagedContent> {
    // Personal data: folders 0700, files 0600 whatever the process umask (README, ファイルの権限).
    await fs.mkdir(this.tmp, { recursive: true, mode: 0o700 });
    const ref = path.join(this.tmp, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let size = 0;
    const file = await fs.open(ref, 'wx', 0o600);
    try {
      for await (const chunk of content) {
        hash.update(chunk);
        size += chunk.length;
        await file.write(chunk);
      }
      await file.sync();
    } catch (err) {
      await file.close().catch(() => undefined);
      await fs.rm(ref, { force: true });
      throw err;
    }
    await file.close();
    return { sha256: hash.digest('hex'), sizeBytes: size, ref };
  }

  async commit(staged: StagedContent): Promise<void> {
    const target = this.pathOf(staged.sha256);
    await fs.mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    if (await exists(target)) {
      // Same content already stored: keep the first copy.
      await fs.rm(staged.ref, { force: true });
      return;
    }
    await fs.rename(staged.ref, target);
  }

  async discard(staged: StagedContent): Promise<void> {
    await fs.rm(staged.ref, { force: true });
  }

  async readStaged(staged: StagedContent): Promise<AsyncIterable<Uint8Array>> {
    if (path.dirname(staged.ref) !== this.tmp || !(await exists(staged.ref)))
      throw new KotaeError('NOT_FOUND', 'staged attachment content missing');
    // Opened only when iterated and closed when the reader stops: a scanner that fails before reading (clamd
    // unreachable) leaves no open descriptor, and no open racing the discard of the staged file.
    const ref = staged.ref;
    return (async function* () {
      yield* createReadStream(ref);
    })();
  }

  async read(sha256: string): Promise<AsyncIterable<Uint8Array>> {
    const file = this.pathOf(sha256);
    if (!(await exists(file))) throw new KotaeError('NOT_FOUND', `attachment content ${sha256} missing`);
    return createReadStream(file);
  }

  has(sha256: string): Promise<boolean> {
    return exists(this.pathOf(sha256));
  }

  async remove(sha256: string): Promise<void> {
    await fs.rm(this.pathOf(sha256), { force: true });
  }

  async *list(): AsyncIterable<StoredFileInfo> {
    const prefixes = await fs.readdir(this.root).catch(() => [] as string[]);
    for (const prefix of prefixes.filter((p) => /^[0-9a-f]{2}$/.test(p)).sort()) {
      for (const name of (await fs.readdir(path.join(this.root, prefix))).sort()) {
        if (!SHA256.test(name) || !name.startsWith(prefix)) continue;
        const stat = await fs.stat(path.join(this.root, prefix, name));
        yield { sha256: name, modifiedAt: stat.mtime };
      }
    }
  }

  async removeStaleStaged(olderThan: Date): Promise<number> {
    const names = await fs.readdir(this.tmp).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = path.join(this.tmp, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat || stat.mtime >= olderThan) continue;
      await fs.rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }

  private pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw new KotaeError('NOT_FOUND', 'malformed attachment hash');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
