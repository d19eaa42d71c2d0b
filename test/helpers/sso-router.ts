/**
 * Single sign-on test harness: the real /auth router with the real MSAL client alone on loopback
 * (console sign-in only, the audit trail in memory), and what a sign-in leaves in an app's database.
 */
import type { Server } from 'node:http';
import express from 'express';
import type { DataSource } from 'typeorm';
import { MsalOidcSignIn } from '../../adapters/graph';
import type { SignInClient } from '../../adapters/web/auth';
import { createSsoRouter } from '../../adapters/web/sso';
import type { AuditEntry } from '../../core';
import { SystemClock } from '../../core/clock';
import { MemoryLogger } from '../../core/logger';
import type { OidcServer } from '../fakes/oidc-server';
import { freePort } from './oidc-browser';

/** A running bare router (instance `kotae-bare`): its origin, who it signed in and from where, what it audited. */
export interface BareRouter {
  origin: string;
  signIns: string[];
  /** The client (ip, User-Agent) of each sign-in, as the router handed it to the console sign-in. */
  clients: SignInClient[];
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
  const clients: SignInClient[] = [];
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
    console: {
      signIn: async (u, from) => (signIns.push(u.subject), clients.push(from), { token: 'session-token' }),
      sessionSeconds: 600,
    },
    instance: 'kotae-bare',
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
  return {
    origin,
    signIns,
    clients,
    audit,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * Sessions, web chat sign-ins and operators in an app's database, and its failed and successful single
 * sign-ons in the audit log.
 */
export function signInRecords(ds: DataSource) {
  const count = async (table: string) => Number((await ds.query(`SELECT count(*) AS n FROM "${table}"`))[0].n);
  const rows = async (action: string): Promise<AuditEntry[]> =>
    // `action` is one of this helper's own literals, never input.
    (
      await ds.query(`SELECT "actor", "action", "detail" FROM "audit_log" WHERE "action" = '${action}' ORDER BY "seq"`)
    ).map((r: { actor: string; action: string; detail: string | null }) => ({
      actor: r.actor,
      action: r.action,
      detail: r.detail ? JSON.parse(r.detail) : undefined,
    }));
  return {
    counts: async () => ({
      sessions: await count('session'),
      webSessions: await count('web_session'),
      operators: await count('operator'),
    }),
    failures: () => rows('auth.sign_in_failed'),
    signIns: () => rows('auth.sign_in_sso'),
    accountsCreated: () => rows('account.create_sso'),
  };
}
