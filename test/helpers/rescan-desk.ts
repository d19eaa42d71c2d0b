/**
 * A Kotae for the `kotae scan-attachments` specs: the real app started without a scanner (so files are stored
 * unscanned), on SQLite or a fresh PostgreSQL database, the command's configuration pointing at a test clamd,
 * an operator who chose `malware_detected` e-mails, and helpers to store files and run the command in-process.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { CliIo } from '../../adapters/cli/io';
import { runScanAttachmentsCommand } from '../../adapters/cli/scan-attachments-command';
import { loadConfig, type KotaeConfig } from '../../app/config';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import { SqlNotificationSettings } from '../../db/repositories/sql-notification-store';
import type { FileScanner } from '../../tickets';
import type { ClamdServer } from './clamd';
import { emptyTestDb, type EmptyTestDb } from './databases';
import { postJson, startApp } from './start-app';

const ROOT = path.join(__dirname, '..', '..');

/** Output of a command run in-process, line by line. */
export function cliIo() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(...s.split('\n')), err: (s) => err.push(s), isTTY: false };
  return { io, out, err };
}

/** The database settings of a kind (a fresh PostgreSQL database, or the app's own SQLite file). */
async function dbEnv(kind: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; db?: EmptyTestDb }> {
  if (kind === 'sqlite') return { env: {} };
  const db = await emptyTestDb('postgres');
  const c = db.config as Extract<EmptyTestDb['config'], { kind: 'postgres' }>;
  return {
    db,
    env: {
      KOTAE_DB: 'postgres',
      KOTAE_PG_HOST: c.host,
      KOTAE_PG_PORT: String(c.port),
      KOTAE_PG_USER: c.user,
      KOTAE_PG_PASSWORD: c.password,
      KOTAE_PG_DATABASE: c.database,
    },
  };
}

/**
 * A Kotae started without a scanner (files stored unscanned; `scanUploads`: with the same clamd, so uploads are
 * scanned and recorded; `env`: more settings of the app), and the command's configuration with clamd.
 */
export async function rescanDesk(
  kind: 'sqlite' | 'postgres',
  clamd: ClamdServer,
  o: { scanUploads?: boolean; env?: Record<string, string> } = {},
) {
  const { env, db } = await dbEnv(kind);
  const scanning: Record<string, string> = o.scanUploads
    ? { KOTAE_CLAMD_HOST: clamd.host, KOTAE_CLAMD_PORT: String(clamd.port) }
    : {};
  const kotae = await startApp({
    ...env,
    ...scanning,
    KOTAE_ATTACHMENT_MAX_BYTES: String(4 * 1024 * 1024),
    ...o.env,
  });
  const config: KotaeConfig = loadConfig(
    {
      KOTAE_DATA_DIR: kotae.dataDir,
      KOTAE_KB_DIR: path.join(ROOT, 'sample-kb'),
      ...env,
      KOTAE_CLAMD_HOST: clamd.host,
      KOTAE_CLAMD_PORT: String(clamd.port),
      KOTAE_CLAMD_TIMEOUT_MS: '5000',
      KOTAE_SMTP_HOST: '127.0.0.1',
      KOTAE_SMTP_FROM: 'kotae@example.lg.jp',
    },
    ROOT,
  );
  await new SqlNotificationSettings(kotae.app.dataSource).save(
    { username: 'admin', email: 'admin@example.lg.jp', events: ['malware_detected'] },
    new Date(),
  );
  const tokens = new Map<string, string>();
  return {
    kotae,
    config,
    env,
    tokens,
    async conversation(): Promise<string> {
      const ask = await postJson(`${kotae.url}/api/ask`, {
        question: 'VPNにつながらない',
        user: { name: '山田 花子' },
      });
      tokens.set(ask.body.conversationId as string, ask.body.conversationToken as string);
      return ask.body.conversationId as string;
    },
    async upload(conversationId: string, name: string, content: Buffer): Promise<string> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(content)], { type: 'text/plain' }), name);
      const res = await fetch(`${kotae.url}/api/conversations/${conversationId}/attachments`, {
        method: 'POST',
        headers: { 'x-kotae-conversation-token': tokens.get(conversationId)! },
        body: form,
      });
      const body = (await res.json()) as any;
      assert.equal(res.status, 201, JSON.stringify(body));
      return body.attachment.id as string;
    },
    /** Turns the conversation into a ticket through the web chat API; its number. */
    async ticket(conversationId: string, details: string): Promise<string> {
      const res = await postJson(
        `${kotae.url}/api/tickets`,
        { conversationId, details, user: { name: '山田 花子', department: '総務課', phone: '内線1234' } },
        { 'x-kotae-conversation-token': tokens.get(conversationId)! },
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body.number as string;
    },
    manual(name: string, text: string): void {
      const dir = path.join(kotae.dataDir, 'knowledge', 'uploads');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    },
    async run(argv: string[], options: { scanner?: FileScanner; signal?: AbortSignal; holder?: string } = {}) {
      const c = cliIo();
      const code = await runScanAttachmentsCommand(
        argv,
        c.io,
        config,
        { clock: new SystemClock(), logger: new MemoryLogger() },
        options,
      );
      return { code, out: c.out, err: c.err };
    },
    async infectedRows() {
      const rows = (await kotae.app.dataSource.query(
        `SELECT "actor", "target", "detail" FROM "audit_log" WHERE "action" = 'attachment.infected' ORDER BY "seq"`,
      )) as { actor: string; target: string | null; detail: string }[];
      return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
    },
    async alerts() {
      return (await kotae.app.dataSource.query(
        `SELECT "recipient", "subject", "body" FROM "notification" WHERE "event" = 'malware_detected'`,
      )) as { recipient: string; subject: string; body: string }[];
    },
    async stop() {
      await kotae.stop();
      await db?.drop();
    },
  };
}

/** A desk started by rescanDesk. */
export type RescanDesk = Awaited<ReturnType<typeof rescanDesk>>;
