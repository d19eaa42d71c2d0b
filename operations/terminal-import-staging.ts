/**
 * One-click confirmation of a terminal CSV update-by-import: the previewed file is kept in the database
 * (StagedImportStore) for 30 minutes, bound to the preview's token and to the operator who uploaded it, so
 * 「確定して取り込む」 posts only the token and any instance can take it. The confirmation runs the import again
 * on the kept bytes (every row re-checked against the current ledger; CONFLICT when the outcome changed) and
 * deletes the row in the import's own transaction, so two submits write once. Expired rows are swept by every
 * preview, and a preview replaces the same operator's earlier kept file: at most one file per operator, for
 * at most 30 minutes after that operator's last preview or until anybody's next preview.
 */
import { KotaeError, type Clock } from '../core';
import { OPS_MESSAGES as M } from './messages';
import type { StagedImportStore } from './ports';
import type { CsvEncoding } from './terminal-csv';
import type { ImportResult } from './terminal-import';
import type { TerminalService } from './terminal-service';

/** How long a previewed file waits for its confirmation. */
export const STAGED_IMPORT_TTL_MS = 30 * 60_000;

const KIND = 'terminal';
const CHUNK = 64 * 1024;
const ENCODINGS: readonly CsvEncoding[] = ['utf8', 'sjis'];

/** What TerminalImportStaging needs. */
export interface TerminalImportStagingDeps {
  staged: StagedImportStore;
  terminals: TerminalService;
  clock: Clock;
  ttlMs?: number;
}

/** Reads a source whole (bounded by the upload limit the caller already enforced). */
async function bytesOf(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of source) parts.push(chunk);
  return Buffer.concat(parts);
}

/** Streams kept bytes in chunks, as a file would be read. */
async function* chunksOf(content: Buffer): AsyncIterable<Uint8Array> {
  for (let i = 0; i < content.length; i += CHUNK) yield content.subarray(i, i + CHUNK);
}

/** Keeps previewed terminal CSVs and confirms or cancels them by token. */
export class TerminalImportStaging {
  constructor(private readonly deps: TerminalImportStagingDeps) {}

  /**
   * Keeps the file of a preview for its operator: sweeps expired rows, removes the operator's earlier kept
   * file, stores this one with the preview's token and encoding. Returns when it expires.
   */
  async keep(
    preview: { token: string; encoding: CsvEncoding },
    open: () => AsyncIterable<Uint8Array>,
    actor: string,
  ): Promise<Date> {
    const now = this.deps.clock.now();
    await this.deps.staged.sweep(now);
    await this.deps.staged.remove(KIND, actor);
    const expiresAt = new Date(now.getTime() + (this.deps.ttlMs ?? STAGED_IMPORT_TTL_MS));
    const content = await bytesOf(open());
    await this.deps.staged.put({
      kind: KIND,
      token: preview.token,
      createdBy: actor,
      createdAt: now,
      expiresAt,
      encoding: preview.encoding,
      content,
    });
    return expiresAt;
  }

  /**
   * Imports the operator's kept file of `token`: NOT_FOUND when there is none (confirmed, cancelled, swept,
   * replaced, or another operator's), CONFLICT when it has expired or when the file's outcome on the current
   * ledger is no longer the previewed one (nothing written either way). The kept file is gone afterwards.
   */
  async confirm(token: string, actor: string): Promise<ImportResult> {
    const kept = await this.deps.staged.find(KIND, token, actor);
    if (!kept) throw new KotaeError('NOT_FOUND', 'staged import not found', { userMessage: M.importStagedMissing });
    const encoding = ENCODINGS.find((e) => e === kept.encoding);
    if (kept.expiresAt.getTime() <= this.deps.clock.now().getTime() || !encoding) {
      await this.deps.staged.remove(KIND, actor, token);
      throw new KotaeError('CONFLICT', 'staged import expired', { userMessage: M.importStagedExpired });
    }
    const claim = async () => {
      // Deleted in the import's transaction: of two submits only the first finds the row and writes.
      if ((await this.deps.staged.remove(KIND, actor, token)) === 0)
        throw new KotaeError('NOT_FOUND', 'staged import already taken', { userMessage: M.importStagedMissing });
    };
    try {
      const result = await this.deps.terminals.import(() => chunksOf(kept.content), encoding, actor, token, claim);
      if (result.kind !== 'imported' || result.added + result.updated === 0)
        await this.deps.staged.remove(KIND, actor, token);
      return result;
    } catch (err) {
      if (!(err instanceof KotaeError) || (err.code !== 'CONFLICT' && err.code !== 'INPUT_INVALID')) throw err;
      // A file refused against the current ledger cannot be confirmed later either: the operator starts again.
      // When the row is gone already, a submit of the same confirmation committed first (it deleted the row
      // with its write, which is what changed the ledger): this one is the double submit, answered as such.
      const removed = await this.deps.staged.remove(KIND, actor, token);
      if (removed === 0 && err.code === 'CONFLICT')
        throw new KotaeError('NOT_FOUND', 'staged import taken by another submit', {
          userMessage: M.importStagedMissing,
          cause: err,
        });
      throw err;
    }
  }

  /** Deletes the operator's kept file of `token` (取り消す); false when there was none. */
  async cancel(token: string, actor: string): Promise<boolean> {
    return (await this.deps.staged.remove(KIND, actor, token)) > 0;
  }
}
