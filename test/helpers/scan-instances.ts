/**
 * Two real instances on one fresh PostgreSQL database with per-instance data folders
 * (KOTAE_ATTACHMENT_STORAGE=instance) and a real clamd scanning uploads: instance A in this process under this
 * machine's host name (a rescanDesk, whose `kotae scan-attachments` runs on A's data folder), instance B in a child
 * process under the host name `kotae-b` (host-instance.ts), and the administrator signed in on each. `falsePositive`
 * makes a rescan on A quarantine what contains a phrase and then removes the signature again, so that clamd finds
 * it clean and only the place of its file can refuse a release.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { ClamdScanner } from '../../adapters/clamav';
import { attachmentDir } from '../../db';
import { startClamd, type ClamdServer } from './clamd';
import { addSignature, removeSignature } from './clamd-signatures';
import { signInConsole, type ConsoleSession } from './console-client';
import { startAppOnHost, type HostInstance } from './host-instance';
import { rescanDesk, type RescanDesk } from './rescan-desk';

/** The two instances, their clamd and how to stop them all. */
export interface ScanInstances {
  clamd: ClamdServer;
  /** clamd's VERSION (the private database's signature changes do not change it). */
  version: string;
  /** Instance A's host name (this machine's). */
  here: string;
  /** Instance A, in this process. */
  a: RescanDesk;
  /** Instance B, under the host name `kotae-b`. */
  b: HostInstance;
  adminA: ConsoleSession;
  adminB: ConsoleSession;
  /**
   * Adds the signature `rule` matching `phrase`, runs `kotae scan-attachments --all` on A (exit code 0 expected),
   * and removes the signature again; the run's output lines.
   */
  falsePositive(rule: string, phrase: string): Promise<string[]>;
  stop(): Promise<void>;
}

/** Starts clamd, instance A on a fresh PostgreSQL database and instance B on the same database. */
export async function startScanInstances(): Promise<ScanInstances> {
  const started: { stop(): Promise<void> }[] = [];
  const stop = async () => {
    for (const s of started.splice(0).reverse()) await s.stop();
  };
  try {
    const clamd = await startClamd();
    started.push(clamd);
    const scanner = new ClamdScanner({ address: { host: clamd.host, port: clamd.port }, timeoutMs: 5000 });
    const version = (await scanner.status()).version!;
    const storage = { KOTAE_ATTACHMENT_STORAGE: 'instance' };
    const a = await rescanDesk('postgres', clamd, { scanUploads: true, env: storage });
    started.push(a);
    const b = await startAppOnHost('kotae-b', {
      ...a.env,
      ...storage,
      KOTAE_CLAMD_HOST: clamd.host,
      KOTAE_CLAMD_PORT: String(clamd.port),
      // Every instance on one database shares the audit key.
      KOTAE_AUDIT_KEY_FILE: path.join(a.kotae.dataDir, 'audit.key'),
    });
    started.push(b);
    const here = hostname();
    assert.notEqual(here, b.host);
    const adminA = await signInConsole(a.kotae.url, 'admin', 'e2e-admin-password');
    const adminB = await signInConsole(b.url, 'admin', 'e2e-admin-password');
    return {
      clamd,
      version,
      here,
      a,
      b,
      adminA,
      adminB,
      async falsePositive(rule, phrase) {
        await addSignature(clamd, rule, phrase);
        try {
          const run = await a.run(['--all']);
          assert.equal(run.code, 0, run.out.join('\n'));
          return run.out;
        } finally {
          await removeSignature(clamd, rule);
        }
      },
      stop,
    };
  } catch (err) {
    await stop().catch(() => undefined);
    throw err;
  }
}

/** The stored attachment files (`<2 hex>/<sha256>`) in an instance's data folder, sorted; none without the folder. */
export function storedAttachments(dataDir: string): string[] {
  const root = attachmentDir(dataDir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((d) => d !== 'tmp')
    .flatMap((d) => fs.readdirSync(path.join(root, d)).map((f) => `${d}/${f}`))
    .sort();
}
