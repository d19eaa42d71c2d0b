/**
 * The quarantined manuals' folder (`<dataDir>/quarantine/manuals`) for an administrator's release: the copy of a
 * manual is found by its name and content hash (newest first), and moved back to `<dataDir>/knowledge/uploads`
 * with a hard link and an unlink, so a file of that name already there (a newer upload) is never replaced. A move
 * back whose release was not saved is undone the same way. The 隔離ファイル list asks whether a copy is still
 * here by its exact name (one stat, no listing of the folder).
 */
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { QuarantinedManualCopy, QuarantinedManualFiles } from '../tickets';
import { quarantinedCopyName, quarantinedManualName, sha256Of } from './manual-rescan-source';

/** Links `from` to `to` and unlinks `from`; false (nothing moved) when `to` exists. */
async function moveWithoutReplacing(from: string, to: string): Promise<boolean> {
  try {
    // link() refuses an existing target, unlike rename(): a file of that name stays.
    await fs.link(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  await fs.unlink(from);
  return true;
}

/** The quarantined manuals of `quarantineDir`, returned to `uploadsDir`. */
export function quarantinedManualFiles(d: { quarantineDir: string; uploadsDir: string }): QuarantinedManualFiles {
  const uploadPath = (name: string) => path.join(d.uploadsDir, path.basename(name));
  // Where each copy handed out by find() is.
  const paths = new WeakMap<QuarantinedManualCopy, string>();
  const pathOf = (copy: QuarantinedManualCopy) => {
    const from = paths.get(copy);
    if (!from) throw new Error('quarantined manual copy not found by this folder');
    return from;
  };
  return {
    async find(sha256, name) {
      const entries = await fs.readdir(d.quarantineDir).catch(() => [] as string[]);
      const copies = entries
        .map((entry) => ({ entry, stamped: quarantinedManualName(entry) }))
        .filter((c) => c.stamped?.name === name && path.basename(name) === name)
        .sort((a, b) => (b.stamped?.at ?? 0) - (a.stamped?.at ?? 0));
      for (const { entry } of copies) {
        const file = path.join(d.quarantineDir, entry);
        // A copy removed since the listing (keeping period) is simply gone.
        if ((await sha256Of(file).catch(() => undefined)) !== sha256) continue;
        const found: QuarantinedManualCopy = { name, read: async () => createReadStream(file) };
        paths.set(found, file);
        return found;
      }
      return undefined;
    },
    async kept(name, at) {
      if (path.basename(name) !== name) return false;
      const stat = await fs.stat(path.join(d.quarantineDir, quarantinedCopyName(at, name))).catch(() => undefined);
      return stat?.isFile() ?? false;
    },
    async uploaded(name) {
      return (await fs.stat(uploadPath(name)).catch(() => undefined)) !== undefined;
    },
    async restore(copy) {
      const from = pathOf(copy);
      await fs.mkdir(d.uploadsDir, { recursive: true });
      return moveWithoutReplacing(from, uploadPath(copy.name));
    },
    async unrestore(copy) {
      if (!(await moveWithoutReplacing(uploadPath(copy.name), pathOf(copy)))) {
        throw new Error(`quarantined manual ${copy.name}: its quarantined copy is back already`);
      }
    },
  };
}
