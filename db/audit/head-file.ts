/**
 * Head files (session 34): the checkpoint that follows audit writes (about once a second under load)
 * is not appended to the anchor file; each server overwrites one small file of its own beside it
 * instead — `<anchor stem>.head.<slot>.jsonl`, one HMAC'd line per database it serves, the newest head
 * it covered — so that checkpoint costs no growth. The file is replaced atomically (temp file, fsync,
 * rename, fsync of the folder): a reader sees the old or the new file, never a piece.
 * Verification reads every head file beside each anchor file it reads (its own folder's and those of
 * KOTAE_AUDIT_ANCHOR_OTHER_FILES), as lines of their own in the time-ordered merge.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../../core';

const HEAD_MARK = '.head.';
const HEAD_EXT = '.jsonl';

/** The stem head files of `anchorFile` start with: its name without the extension. */
function stemOf(anchorFile: string): string {
  return path.parse(anchorFile).name;
}

/** The head file a slot writes beside `anchorFile` (the slot made safe for a file name). */
export function headFileOf(anchorFile: string, slot: string): string {
  const safe = slot.replace(/[^A-Za-z0-9._@-]/g, '_');
  return path.join(path.dirname(anchorFile), `${stemOf(anchorFile)}${HEAD_MARK}${safe}${HEAD_EXT}`);
}

/** Every head file beside `anchorFile` (regular files only; none when its folder is missing or unreadable). */
export function headFilesBeside(anchorFile: string): string[] {
  const dir = path.dirname(anchorFile);
  const prefix = `${stemOf(anchorFile)}${HEAD_MARK}`;
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  return names
    .filter((n) => n.startsWith(prefix) && n.endsWith(HEAD_EXT) && n.length > prefix.length + HEAD_EXT.length)
    .sort()
    .map((n) => path.join(dir, n))
    .filter((f) => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    });
}

/** The text of a head file, or undefined when there is none. */
export function readHeadFile(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Replaces `file` with `text` atomically (0600): temp file beside it, fsync, rename, fsync of the folder. */
export function replaceHeadFile(file: string, text: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomic(file, text, { mode: 0o600, syncFolder: true });
}
