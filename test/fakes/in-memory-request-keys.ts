/** RequestKeyStore in memory (passes the request-key-store contract). */
import type { RequestKeyRecord, RequestKeyStore } from '../../adapters/web';

/** In-memory RequestKeyStore: one map, the key as its key. */
export class InMemoryRequestKeys implements RequestKeyStore {
  readonly rows = new Map<string, RequestKeyRecord>();

  async claim(key: string, scope: string, fingerprint: string, at: Date): Promise<boolean> {
    if (this.rows.has(key)) return false;
    this.rows.set(key, { scope, fingerprint, claimedAt: at });
    return true;
  }

  async find(key: string): Promise<RequestKeyRecord | undefined> {
    const row = this.rows.get(key);
    return row && { ...row };
  }

  async complete(key: string, response: string): Promise<void> {
    const row = this.rows.get(key);
    if (row) this.rows.set(key, { ...row, response });
  }

  async release(key: string): Promise<void> {
    if (this.rows.get(key)?.response === undefined) this.rows.delete(key);
  }

  async takeOver(key: string, staleBefore: Date, at: Date): Promise<boolean> {
    const row = this.rows.get(key);
    if (!row || row.response !== undefined || row.claimedAt >= staleBefore) return false;
    this.rows.set(key, { ...row, claimedAt: at });
    return true;
  }

  async renew(key: string, at: Date): Promise<void> {
    const row = this.rows.get(key);
    if (row && row.response === undefined) this.rows.set(key, { ...row, claimedAt: at });
  }

  async purgeBefore(before: Date): Promise<number> {
    let n = 0;
    for (const [key, row] of this.rows)
      if (row.claimedAt < before) {
        this.rows.delete(key);
        n += 1;
      }
    return n;
  }
}
