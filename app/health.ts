/**
 * The body of `/healthz`: database (a write probe that never waits), schema, index (`state` ok, stale or
 * unavailable, with the error when a generation failed to load), LoGoチャット and this instance's job leases.
 */
import type { DataSource } from 'typeorm';
import type { LogoChat } from '../adapters/logo-chat';
import { probeDatabase, type SchemaVersionGuard } from '../db';
import type { LeaseGuard, LeaseHolding } from '../jobs';
import type { KnowledgeRuntime } from './knowledge-runtime';
import { LOGO_LEASE } from './logo-lease';
import { VERSION } from './version';

/** What `/healthz` reads. */
export interface HealthParts {
  ds: DataSource;
  knowledge: KnowledgeRuntime;
  schemaGuard: SchemaVersionGuard;
  leases: LeaseGuard;
  logoMode: string;
  logo: LogoChat;
  /** Set when the audit start found no checkpoint of this database (app/wire-audit.ts). */
  auditWarning?: () => object | undefined;
  /** The malware scanner's state (app/wire-scanner.ts): 未設定, or reachable with its version. */
  scanner?: () => Promise<Record<string, unknown>>;
}

/** The `/healthz` report of this instance. */
export function healthReporter(parts: HealthParts): () => Promise<Record<string, unknown> & { ok: boolean }> {
  const { ds, knowledge, schemaGuard, leases, logoMode, logo, auditWarning, scanner } = parts;
  return async () => {
    // A write probe that never waits: a lock held elsewhere reads `degraded` (issue 11 point 8).
    const probe = await probeDatabase(ds);
    const db = probe.state;
    const index = knowledge.live.status();
    const schema = schemaGuard.blocked() ? 'newer' : 'ok';
    const all = await leases.all().catch(() => []);
    const audit = auditWarning?.();
    // Never fails health: an unreachable scanner refuses uploads (KOTAE_SCAN_REQUIRED), not questions.
    const scan = await scanner?.().catch((err: unknown) => ({ reachable: false, error: String(err) }));
    return {
      // No index loaded: questions are refused, so the instance is not ok (an older generation serving is).
      ok: db !== 'error' && schema === 'ok' && index.ready,
      version: VERSION,
      db,
      ...(probe.detail ? { dbDetail: probe.detail } : {}),
      schema,
      index,
      logo: logoHealth(logoMode, logo, all),
      instance: { id: leases.holder, leases: all.filter((l) => l.holder === leases.holder).map((l) => l.name) },
      leases: all.map((l) => ({ name: l.name, holder: l.holder, expiresAt: l.expiresAt.toISOString() })),
      ...(audit ? { audit } : {}),
      ...(scan ? { scanner: scan } : {}),
    };
  };
}

/** The `logo` field of /healthz: the channel's health and, in direct mode, which instance holds the connection. */
function logoHealth(mode: string, logo: LogoChat, leases: readonly LeaseHolding[]) {
  const health = logo.health();
  if (mode !== 'direct') return health;
  return { ...health, holder: leases.find((l) => l.name === LOGO_LEASE)?.holder ?? null };
}
