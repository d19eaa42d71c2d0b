/**
 * Manuals uploaded in the console, kept in a managed folder (`<dataDir>/knowledge/uploads`) that every
 * ingest reads beside the knowledge folder. A file is streamed to a temporary name while its size and
 * type are checked, scanned for malware (when a scanner is configured), and renamed into place only when
 * the whole request was accepted.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KotaeError } from '../core';
import { isUploadable, legacyOfficeFormat, UPLOAD_MESSAGES } from '../ingest';
import { safeFileName, type UploadOrigin, type UploadScan } from '../tickets';

/** A file received and checked, not yet in the folder. */
export interface StagedDocument {
  name: string;
  tempPath: string;
  sizeBytes: number;
}

/** A document of the folder. */
export interface UploadedDocument {
  name: string;
  sizeBytes: number;
  modifiedAt: Date;
}

/** The managed folder of uploaded manuals. */
export class UploadedDocuments {
  constructor(
    readonly dir: string,
    readonly maxBytes: number,
    private readonly scan?: UploadScan,
  ) {}

  /** The documents, by name. */
  list(): UploadedDocument[] {
    if (!fs.existsSync(this.dir)) return [];
    return fs
      .readdirSync(this.dir, { withFileTypes: true })
      .filter((d) => d.isFile() && !d.name.startsWith('.'))
      .map((d) => {
        const stat = fs.statSync(path.join(this.dir, d.name));
        return { name: d.name, sizeBytes: stat.size, modifiedAt: stat.mtime };
      })
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Streams one file aside, refusing a forbidden type, an empty file, one over the limit or an infected one. */
  async stage(
    content: AsyncIterable<Uint8Array>,
    claim: { fileName: string },
    origin?: UploadOrigin,
  ): Promise<StagedDocument> {
    const name = safeFileName(claim.fileName);
    if (!name || !isUploadable(name)) {
      for await (const _ of content) void _;
      const legacy = legacyOfficeFormat(claim.fileName);
      throw new KotaeError('INPUT_INVALID', `upload type refused: ${claim.fileName}`, {
        userMessage: legacy
          ? UPLOAD_MESSAGES.legacyOffice(legacy.app, legacy.successor)
          : UPLOAD_MESSAGES.forbiddenType,
      });
    }
    const tmpDir = path.join(this.dir, '.tmp');
    fs.mkdirSync(tmpDir, { recursive: true });
    const tempPath = path.join(tmpDir, randomBytes(8).toString('hex'));
    const out = fs.createWriteStream(tempPath);
    let sizeBytes = 0;
    // The scan's verdict is recorded by content (file_scan `manual:<sha256>`), as the rescan keys it.
    const hash = createHash('sha256');
    try {
      for await (const chunk of content) {
        sizeBytes += chunk.length;
        hash.update(chunk);
        if (sizeBytes > this.maxBytes) {
          throw new KotaeError('INPUT_TOO_LARGE', `upload over ${this.maxBytes} bytes`, {
            userMessage: UPLOAD_MESSAGES.tooLarge(this.maxBytes),
          });
        }
        if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
      }
      await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    } catch (err) {
      out.destroy();
      fs.rmSync(tempPath, { force: true });
      for await (const _ of content) void _;
      throw err;
    }
    if (sizeBytes === 0) {
      fs.rmSync(tempPath, { force: true });
      throw new KotaeError('INPUT_INVALID', 'empty upload', { userMessage: UPLOAD_MESSAGES.empty(this.maxBytes) });
    }
    const read = async () => fs.createReadStream(tempPath);
    await this.scan
      ?.check({ fileName: name, sizeBytes, sha256: hash.digest('hex'), read }, origin)
      .catch((err: unknown) => {
        fs.rmSync(tempPath, { force: true });
        throw err;
      });
    return { name, tempPath, sizeBytes };
  }

  /** Moves a staged file into the folder (replacing a document of the same name). */
  commit(staged: StagedDocument): string {
    fs.mkdirSync(this.dir, { recursive: true });
    fs.renameSync(staged.tempPath, path.join(this.dir, staged.name));
    return staged.name;
  }

  /** Drops a staged file. */
  async discard(staged: StagedDocument): Promise<void> {
    fs.rmSync(staged.tempPath, { force: true });
  }

  /** Deletes a document by name; NOT_FOUND when there is none. */
  delete(name: string): void {
    const file = this.list().find((d) => d.name === name);
    if (!file)
      throw new KotaeError('NOT_FOUND', `document ${name} not found`, { userMessage: UPLOAD_MESSAGES.notFound });
    fs.rmSync(path.join(this.dir, file.name), { force: true });
  }
}
