/**
 * Attachment files in the backup folder: `<backup dir>/attachments/<2 hex>/<sha256>`, the same
 * content-addressed layout as `<data dir>/attachments`. Files never change, so each is copied
 * once and shared by every generation. A file gone from the data folder (retention) is marked
 * `<sha256>.gone` at the next backup and deleted once every kept generation is younger than the mark,
 * so each kept database copy still finds all of its files. Restore: copy the folder back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { copyFileAtomically } from './backup-files';

/** Copies one file into the mirror (plain or encrypted: jobs/backup-crypto.ts). */
export type MirrorCopy = (source: string, target: string) => Promise<void>;

const plainCopy: MirrorCopy = async (source, target) => copyFileAtomically(source, target);

const PREFIX = /^[0-9a-f]{2}$/;
const SHA256 = /^[0-9a-f]{64}$/;

/** What one mirror run did. */
export interface AttachmentMirrorResult {
  copied: number;
  pruned: number;
}

function storedFiles(root: string): Map<string, string> {
  const out = new Map<string, string>();
  if (!fs.existsSync(root)) return out;
  for (const prefix of fs.readdirSync(root).filter((p) => PREFIX.test(p))) {
    for (const name of fs.readdirSync(path.join(root, prefix)))
      if (SHA256.test(name) && name.startsWith(prefix)) out.set(name, path.join(root, prefix, name));
  }
  return out;
}

/**
 * Copies new files of `liveDir` into `mirrorDir` and deletes mirrored files that left `liveDir`
 * before `oldestKept` (the time of the oldest backup generation still kept).
 */
export async function mirrorAttachments(
  liveDir: string,
  mirrorDir: string,
  now: Date,
  oldestKept: Date | undefined,
  copy: MirrorCopy = plainCopy,
): Promise<AttachmentMirrorResult> {
  const live = storedFiles(liveDir);
  if (live.size === 0 && !fs.existsSync(mirrorDir)) return { copied: 0, pruned: 0 };
  let copied = 0;
  for (const [sha, source] of live) {
    const target = path.join(mirrorDir, sha.slice(0, 2), sha);
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    await copy(source, target);
    copied += 1;
  }
  let pruned = 0;
  for (const [sha, file] of storedFiles(mirrorDir)) {
    const mark = `${file}.gone`;
    if (live.has(sha)) {
      fs.rmSync(mark, { force: true });
      continue;
    }
    if (!fs.existsSync(mark)) {
      fs.writeFileSync(mark, now.toISOString(), { mode: 0o600 });
      continue;
    }
    const goneAt = new Date(fs.readFileSync(mark, 'utf8').trim());
    if (oldestKept && !Number.isNaN(goneAt.getTime()) && goneAt < oldestKept) {
      fs.rmSync(file, { force: true });
      fs.rmSync(mark, { force: true });
      pruned += 1;
    }
  }
  return { copied, pruned };
}
