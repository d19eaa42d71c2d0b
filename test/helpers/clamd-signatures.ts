/**
 * Signature changes for a test clamd (test/helpers/clamd.ts): a signature added to its private database makes
 * clamd detect a file it found clean (a signature update), and removing it again turns that detection into a false
 * positive. clamd is restarted to load the change (its `VERSION` stays `ClamAV x.y.z`: the private database has no
 * version of its own, so a rescan after a change needs `--all`).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ClamdServer } from './clamd';

/** The private database folder of a clamd started by startClamd (beside its socket, as clamd.ts lays it out). */
function databaseDir(clamd: ClamdServer): string {
  const dir = path.join(path.dirname(clamd.socket), 'db');
  if (!fs.existsSync(path.join(dir, 'kotae-test.ndb'))) {
    throw new Error(`no test clamd database in ${dir} (test/helpers/clamd.ts changed its layout?)`);
  }
  return dir;
}

/** The name clamd reports for a signature `name` of the private database. */
export const unofficial = (name: string) => `${name}.UNOFFICIAL`;

/** Adds `name`, matching `text` anywhere in a file, to the clamd's database and restarts it (loaded once PING answers). */
export async function addSignature(clamd: ClamdServer, name: string, text: string): Promise<void> {
  const hex = Buffer.from(text, 'utf8').toString('hex');
  // .ndb: Name:TargetType(0 = any file):Offset(* = anywhere):HexSignature; one file per added signature.
  fs.writeFileSync(path.join(databaseDir(clamd), `${name}.ndb`), `${name}:0:*:${hex}\n`);
  await clamd.restart();
}

/** Removes a signature added by addSignature and restarts clamd. */
export async function removeSignature(clamd: ClamdServer, name: string): Promise<void> {
  fs.rmSync(path.join(databaseDir(clamd), `${name}.ndb`));
  await clamd.restart();
}
