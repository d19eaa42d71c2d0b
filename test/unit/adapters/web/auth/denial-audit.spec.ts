import assert from 'node:assert/strict';
import type { AuditEntry, AuditTrail } from '../../../../../core';
import { FakeClock } from '../../../../../core/clock';
import { DenialAudit, type Denial } from '../../../../../adapters/web/auth';

/** Records entries in memory (no transactions: `atomically` runs the change, then records). */
class RecordingAudit implements AuditTrail {
  readonly entries: AuditEntry[] = [];
  async record(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async atomically<T>(change: () => Promise<T>, entry: (result: T) => AuditEntry | undefined): Promise<T> {
    const result = await change();
    const e = entry(result);
    if (e) this.entries.push(e);
    return result;
  }
}

const denial = (username: string, route = '/console/accounts/:id/role'): Denial => ({
  username,
  role: 'operator',
  required: 'admin',
  method: 'POST',
  route,
  path: route.replace(':id', 'x'),
  ip: '10.0.0.5',
});

describe('DenialAudit', () => {
  it('writes one row per user and route per minute, also for concurrent repeats', async () => {
    const audit = new RecordingAudit();
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    const denials = new DenialAudit({ audit, clock, instance: 'kotae-a-1' });
    const written = await Promise.all(Array.from({ length: 50 }, () => denials.record(denial('op1'))));
    assert.equal(written.filter(Boolean).length, 1);
    assert.equal(await denials.record(denial('op2')), true, 'another user');
    assert.equal(await denials.record(denial('op1', '/console/templates')), true, 'another route');
    assert.equal(audit.entries.length, 3);
    clock.set(new Date('2026-06-01T00:00:59.999Z'));
    assert.equal(await denials.record(denial('op1')), false);
    clock.set(new Date('2026-06-01T00:01:00Z'));
    assert.equal(await denials.record(denial('op1')), true);
    assert.deepEqual(audit.entries[3], {
      actor: 'op1',
      action: 'auth.denied',
      target: '/console/accounts/x/role',
      detail: {
        method: 'POST',
        route: '/console/accounts/:id/role',
        role: 'operator',
        required: 'admin',
        ip: '10.0.0.5',
        instance: 'kotae-a-1',
        suppressed: 50,
      },
    });
  });

  it('remembers at most maxKeys keys, forgetting the oldest', async () => {
    const audit = new RecordingAudit();
    const clock = new FakeClock('2026-06-01T00:00:00Z');
    const denials = new DenialAudit({ audit, clock, maxKeys: 3 });
    for (const user of ['a', 'b', 'c', 'd']) await denials.record(denial(user));
    // 'a' was forgotten to keep 3 keys: its next refusal is written again; 'd' is still bounded.
    assert.equal(await denials.record(denial('a')), true);
    assert.equal(await denials.record(denial('d')), false);
    assert.equal(audit.entries.length, 5);
  });
});
