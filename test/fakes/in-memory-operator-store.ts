/** OperatorStore in memory: accounts keyed by id, usernames unique (CONFLICT), failures counted as SqlOperatorStore. */
import { KotaeError } from '../../core';
import type { OperatorRecord, OperatorStore } from '../../tickets';

/** In-memory operator accounts; `now` stamps `createdAt`. */
export class InMemoryOperatorStore implements OperatorStore {
  private readonly accounts = new Map<string, OperatorRecord>();
  private next = 1;

  constructor(private readonly now: () => Date = () => new Date()) {}

  async count(): Promise<number> {
    return this.accounts.size;
  }

  async create(input: Omit<OperatorRecord, 'id' | 'createdAt' | 'failedAttempts' | 'lockedUntil'>) {
    if (await this.findByUsername(input.username))
      throw new KotaeError('CONFLICT', `username ${input.username} exists`);
    const account: OperatorRecord = { ...input, id: `op-${this.next++}`, failedAttempts: 0, createdAt: this.now() };
    this.accounts.set(account.id, account);
    return { ...account };
  }

  async get(id: string): Promise<OperatorRecord | undefined> {
    const a = this.accounts.get(id);
    return a && { ...a };
  }

  async findByUsername(username: string): Promise<OperatorRecord | undefined> {
    const a = [...this.accounts.values()].find((o) => o.username === username);
    return a && { ...a };
  }

  async list(): Promise<OperatorRecord[]> {
    return [...this.accounts.values()].map((a) => ({ ...a }));
  }

  async update(id: string, patch: Parameters<OperatorStore['update']>[1]): Promise<void> {
    const a = this.accounts.get(id);
    if (!a) return;
    const { lockedUntil, ...rest } = patch;
    const locked = lockedUntil === undefined ? a.lockedUntil : (lockedUntil ?? undefined);
    this.accounts.set(id, { ...a, ...rest, lockedUntil: locked });
  }

  async recordFailedAttempt(id: string, maxFailures: number, lockUntil: Date) {
    const a = this.accounts.get(id);
    if (!a) throw new KotaeError('NOT_FOUND', `operator ${id} not found`);
    // A lock (expired or not) restarts the count, as the SQL store's CASE does.
    const failures = (a.lockedUntil ? 0 : a.failedAttempts) + 1;
    const locked = failures >= maxFailures;
    this.accounts.set(id, { ...a, failedAttempts: locked ? 0 : failures, lockedUntil: locked ? lockUntil : undefined });
    return { failures, locked };
  }
}
