/** Operator accounts and console sessions: records and ports (auth logic lives in adapters/web/auth). */

/**
 * Console roles. staff < operator < admin is a line of rights; auditor (監査担当, read-only: the audit log,
 * the deletion certificates and the reports) stands beside operator, neither above nor below it.
 */
export type OperatorRole = 'staff' | 'operator' | 'auditor' | 'admin';
/** All roles, in the order forms list them (not an order of rights: see hasRole). */
export const OPERATOR_ROLES: readonly OperatorRole[] = ['staff', 'operator', 'auditor', 'admin'];

/**
 * The roles that meet each requirement, spelled out: `staff` is any signed-in role; an auditor meets
 * `auditor` and `staff` only, so it never passes an `operator` check and an operator never passes an
 * `auditor` one; admin meets every requirement.
 */
const MEETS: Readonly<Record<OperatorRole, readonly OperatorRole[]>> = {
  staff: ['staff', 'operator', 'auditor', 'admin'],
  operator: ['operator', 'admin'],
  auditor: ['auditor', 'admin'],
  admin: ['admin'],
};

/** Whether `role` meets `required`, or one of several requirements (e.g. report readers: operator or auditor). */
export function hasRole(role: OperatorRole, required: OperatorRole | readonly OperatorRole[]): boolean {
  const any: readonly OperatorRole[] = typeof required === 'string' ? [required] : required;
  return any.some((r) => MEETS[r].includes(role));
}

/** Whether an account works the desk's tickets (assignee, notified, rostered for 機密性3): operators and admins. */
export function worksTickets(account: { role: OperatorRole }): boolean {
  return hasRole(account.role, 'operator');
}

/** Whether `value` names a role (a form field, a mapping). */
export function isOperatorRole(value: string): value is OperatorRole {
  return (OPERATOR_ROLES as readonly string[]).includes(value);
}

/** A local console account. */
export interface OperatorRecord {
  id: string;
  username: string;
  displayName: string;
  role: OperatorRole;
  /** `scrypt$N$r$p$salt$hash` */
  passwordHash: string;
  failedAttempts: number;
  lockedUntil?: Date;
  disabled: boolean;
  createdAt: Date;
}

/** Operator accounts. */
export interface OperatorStore {
  count(): Promise<number>;
  /** Creates an account; CONFLICT when the username is taken. */
  create(input: Omit<OperatorRecord, 'id' | 'createdAt' | 'failedAttempts' | 'lockedUntil'>): Promise<OperatorRecord>;
  get(id: string): Promise<OperatorRecord | undefined>;
  findByUsername(username: string): Promise<OperatorRecord | undefined>;
  list(): Promise<OperatorRecord[]>;
  update(
    id: string,
    patch: Partial<Pick<OperatorRecord, 'displayName' | 'role' | 'passwordHash' | 'failedAttempts' | 'disabled'>> & {
      lockedUntil?: Date | null;
    },
  ): Promise<void>;
  /**
   * Counts one wrong password atomically (two instances never lose a count): the count restarts
   * after an expired lock, and the `maxFailures`-th failure in a row locks the account until
   * `lockUntil` and resets the count. Returns the failures counted and whether it is now locked.
   */
  recordFailedAttempt(id: string, maxFailures: number, lockUntil: Date): Promise<{ failures: number; locked: boolean }>;
}

/** A console session; `id` is the SHA-256 of the cookie token (the token itself is never stored). */
export interface SessionRecord {
  id: string;
  operatorId: string;
  csrfToken: string;
  createdAt: Date;
  /** Absolute expiry. */
  expiresAt: Date;
  lastSeenAt: Date;
  /** Single sign-on only: SHA-256 of the provider's session id (`sid`), for the provider's front-channel logout. */
  ssoSid?: string | null;
  /** Single sign-on only: the ID token sealed under the cookie token (`id_token_hint` at sign-out). */
  ssoHint?: string | null;
  /** Single sign-on only: the provider's refresh token sealed under the cookie token (role re-check). */
  ssoRefresh?: string | null;
  /** Single sign-on only: when the session's role is next checked against the directory (null: never checked). */
  ssoCheckAt?: Date | null;
}

/** Console sessions. */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of the operator, except `exceptId` when given (the session making the change). */
  deleteForOperator(operatorId: string, exceptId?: string): Promise<void>;
  /** Ends every session of one provider session (`ssoSid`, a SHA-256); returns the sessions ended. */
  deleteBySsoSid(ssoSid: string): Promise<SessionRecord[]>;
  /**
   * Takes the role re-check of a session that was due (its `ssoCheckAt` still `seen`, at or before `now`) by
   * moving `ssoCheckAt` to `until`, atomically: true for the one caller (request, instance) that moved it.
   */
  claimSsoCheck(id: string, seen: Date | null, now: Date, until: Date): Promise<boolean>;
  /** Records a passed re-check: the next one is due at `next`; the provider's newest refresh token (sealed). */
  finishSsoCheck(id: string, next: Date, ssoRefresh: string): Promise<void>;
  /** Removes sessions past their absolute expiry or idle before `idleBefore`; returns how many. */
  purge(now: Date, idleBefore: Date): Promise<number>;
}
