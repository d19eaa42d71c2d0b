/** Operator accounts and console sessions: records and ports (auth logic lives in adapters/web/auth). */

/** Console roles, least to most privileged. */
export type OperatorRole = 'staff' | 'operator' | 'admin';
/** All roles, least privileged first. */
export const OPERATOR_ROLES: readonly OperatorRole[] = ['staff', 'operator', 'admin'];

/** Whether `role` has at least the rights of `required`. */
export function hasRole(role: OperatorRole, required: OperatorRole): boolean {
  return OPERATOR_ROLES.indexOf(role) >= OPERATOR_ROLES.indexOf(required);
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
}

/** Console sessions. */
export interface SessionStore {
  create(session: SessionRecord): Promise<void>;
  get(id: string): Promise<SessionRecord | undefined>;
  touch(id: string, lastSeenAt: Date): Promise<void>;
  delete(id: string): Promise<void>;
  /** Ends every session of the operator, except `exceptId` when given (the session making the change). */
  deleteForOperator(operatorId: string, exceptId?: string): Promise<void>;
  /** Removes sessions past their absolute expiry or idle before `idleBefore`; returns how many. */
  purge(now: Date, idleBefore: Date): Promise<number>;
}
