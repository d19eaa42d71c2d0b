/**
 * Where a sign-in came from, as its audit rows record it (session 31): the client address express sees
 * (its `trust proxy` setting), the User-Agent cut to 200 characters, and the instance that answered.
 * Password and single sign-on rows use this one shape.
 */
import type { Request } from 'express';

/** Where a sign-in came from: the address express sees and the User-Agent header. */
export interface SignInClient {
  ip?: string;
  userAgent?: string;
}

/** Longest User-Agent kept in an audit row. */
const USER_AGENT_MAX = 200;

/** The audit context of a sign-in: `{ ip, userAgent, instance }`, null where unknown. */
export function signInContext(client: SignInClient, instance: string | undefined): Record<string, string | null> {
  return {
    ip: client.ip ?? null,
    userAgent: client.userAgent ? client.userAgent.slice(0, USER_AGENT_MAX) : null,
    instance: instance ?? null,
  };
}

/** Where a request came from, as sign-in audit rows record it: the address express sees and the User-Agent. */
export function clientOf(req: Request): SignInClient {
  return { ip: req.ip, userAgent: req.get('user-agent') };
}
