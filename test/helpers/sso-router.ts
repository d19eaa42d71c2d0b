/**
 * Single sign-on test harness: the real /auth router with the real MSAL client alone on loopback
 * (console sign-in only, the audit trail in memory), and what a sign-in leaves in an app's database.
 */
import type { Server } from 'node:http';
import express from 'express';
import type { DataSource } from 'typeorm';
import { MsalOidcSignIn } from '../../adapters/graph';
import { createSsoRouter } from '../../adapters/web/sso';
import type { AuditEntry } from '../../core';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import type { OidcServer } from '../fakes/oidc-server';
import { freePort } from './oidc-browser';

/** A running bare router: its origin, who it signed in, what it audited. */
export interface BareRouter {
  origin: string;
  signIns: string[];
  audit: AuditEntry[];
  close(): Promise<void>;
}

/** Starts /auth for `authority` (`op`'s client and CA when given; a console role for `Kotae.Operator`). */
export async function startBareRouter(o: {
  authority: string;
  op?: OidcServer;
  port?: number;
  tenantId?: string;
}): Promise<BareRouter> {
  const port = o.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const signIns: string[] = [];
  const audit: AuditEntry[] = [];
  const router = createSsoRouter({
    provider: new MsalOidcSignIn({
      clientId: o.op?.clientId ?? 'kotae-test-client',
      clientSecret: o.op?.clientSecret ?? 'secret',
      authority: o.authority,
      entra: false,
      tenantId: o.tenantId,
      redirectUri: `${origin}/auth/callback`,
      caFile: o.op?.caFile,
    }),
    roleMap: [{ value: 'Kotae.Operator', role: 'operator' }],
    departmentClaim: 'department',
    console: { signIn: async (u) => (signIns.push(u.subject), { token: 'session-token' }), sessionSeconds: 600 },
    audit: {
      record: async (e) => void audit.push(e),
      atomically: async (change, entry) => {
        const result = await change();
        const e = entry(result);
        if (e) audit.push(e);
        return result;
      },
    },
    secureCookies: false,
    clock: new SystemClock(),
    logger: new MemoryLogger(),
  });
  const app = express();
  app.use('/auth', router);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, '127.0.0.1', () => resolve(s));
  });
  return { origin, signIns, audit, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Sessions, web chat sign-ins and operators in an app's database, and its failed sign-ins in the audit log. */
export function signInRecords(ds: DataSource) {
  const count = async (table: string) => Number((await ds.query(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  return {
    counts: async () => ({
      sessions: await count('session'),
      webSessions: await count('web_session'),
      operators: await count('operator'),
    }),
    failures: async (): Promise<AuditEntry[]> =>
      (
        await ds.query(
          `SELECT "actor", "action", "detail" FROM "audit_log" WHERE "action" = 'auth.sign_in_failed' ORDER BY "seq"`,
        )
      ).map((r: { actor: string; action: string; detail: string | null }) => ({
        actor: r.actor,
        action: r.action,
        detail: r.detail ? JSON.parse(r.detail) : undefined,
      })),
  };
}
