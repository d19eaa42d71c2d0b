/**
 * The uploaded manuals (`<dataDir>/knowledge/uploads`) as a rescan sees them: each file is hashed by streaming
 * it (its verdict is kept by content, so a replaced manual is scanned again) and then streamed to the scanner.
 * An infected manual is moved to `<dataDir>/quarantine/manuals/` before it is marked: it is no longer served
 * under /kb, listed on ナレッジの管理 or read by the next ingest.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { QuarantinedFile, RescanItem, RescanSource } from '../tickets';

/** Where quarantined manuals are kept (outside every ingested or served folder). */
export function quarantinedManualsDir(dataDir: string): string {
  return path.join(dataDir, 'quarantine', 'manuals');
}

/** The hash of a file, streamed (memory stays bounded whatever its size). */
export async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * A quarantined copy's name: the quarantine's UTC time to the second, then the manual's name
 * (`20260601T090000Z-vpn.md`); quarantinedManualName parses it.
 */
export function quarantinedCopyName(at: Date, name: string): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return `${stamp}-${name}`;
}

/** The folder of uploaded manuals as a RescanSource; a quarantined copy is named after the quarantine's time. */
export function manualRescanSource(d: { dir: string; quarantineDir: string }): RescanSource {
  const pathOf = (i: RescanItem) => path.join(d.dir, i.file.fileName ?? '');
  return {
    kind: 'manual',
    async *files() {
      const entries = await fs.readdir(d.dir, { withFileTypes: true }).catch(() => []);
      const names = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name);
      for (const name of names.sort()) {
        const file = path.join(d.dir, name);
        // A manual deleted since the listing is simply gone.
        const sha256 = await sha256Of(file).catch(() => undefined);
        if (sha256)
          yield { file: { kind: 'manual', sha256, fileName: name }, read: async () => createReadStream(file) };
      }
    },
    async describe(i) {
      const name = i.file.fileName ?? '';
      const stat = await fs.stat(pathOf(i)).catch(() => undefined);
      const file: QuarantinedFile = {
        kind: 'manual',
        fileName: name,
        where: `manual:${name}`,
        sizeBytes: stat?.size ?? 0,
        sha256: i.file.sha256,
      };
      return [file];
    },
    async isolate(i, at) {
      await fs.mkdir(d.quarantineDir, { recursive: true, mode: 0o700 });
      const target = path.join(d.quarantineDir, quarantinedCopyName(at, i.file.fileName ?? i.file.sha256));
      await fs.rename(pathOf(i), target).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    },
  };
}

/**
 * Deletes the quarantined manuals moved aside before `before` (their names start with the UTC time they were
 * quarantined, `20260601T090000Z-…`); returns how many went. Names without that stamp are left alone.
 */
export async function removeQuarantinedManuals(dir: string, before: Date): Promise<number> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const stamped = quarantinedManualName(name);
    if (!stamped || stamped.at >= before.getTime()) continue;
    await fs.rm(path.join(dir, name), { force: true });
    removed += 1;
  }
  return removed;
}

/** A quarantined copy's name `20260601T090000Z-<name>`: when it was moved aside (ms) and the manual's name. */
export function quarantinedManualName(stamped: string): { at: number; name: string } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-(.*)$/s.exec(stamped);
  if (!m) return undefined;
  return { at: Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!), name: m[7]! };
}
