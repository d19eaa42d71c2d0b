/**
 * The checkpoint that follows audit writes, with a fake audit and hand-fired timers: a burst of writes
 * gives one checkpoint, a write while one is being written gives exactly one more, a failure is logged
 * (never thrown) and the next write tries again, and stop() writes a checkpoint still due.
 */
import assert from 'node:assert/strict';
import type { AuditHead } from '../../../core';
import { MemoryLogger } from '../../../core/logger';
import { AuditWriteCheckpoint } from '../../../jobs';
import { HandTimers } from '../../fakes/hand-timers';

/** The audit's side: counts checkpoints; `gate` holds one open until released; `fail` rejects the next ones. */
class FakeAudit {
  calls: string[] = [];
  fail = 0;
  private release?: () => void;
  gate = false;

  coverHead(source: string): Promise<AuditHead | undefined> {
    this.calls.push(source);
    if (this.fail > 0) {
      this.fail -= 1;
      return Promise.reject(new Error('EACCES: permission denied, open audit-anchors.jsonl'));
    }
    if (!this.gate) return Promise.resolve({ seq: this.calls.length, hash: 'h' });
    return new Promise((resolve) => {
      this.release = () => resolve({ seq: this.calls.length, hash: 'h' });
    });
  }

  open(): void {
    this.gate = false;
    this.release?.();
  }
}

describe('AuditWriteCheckpoint: a checkpoint shortly after audit writes, one per burst', () => {
  let timers: HandTimers;
  let audit: FakeAudit;
  let logger: MemoryLogger;
  let follower: AuditWriteCheckpoint;

  beforeEach(() => {
    timers = new HandTimers();
    audit = new FakeAudit();
    logger = new MemoryLogger();
    follower = new AuditWriteCheckpoint({ audit, delayMs: 1000, logger, timers });
  });

  it('checkpoints a burst of 100 writes once, after the delay', async () => {
    for (let i = 0; i < 100; i += 1) follower.noteWrite();
    assert.equal(timers.scheduled, 1);
    assert.deepEqual(audit.calls, []);
    assert.deepEqual(timers.fire(), [1000]);
    await follower.settled();
    assert.deepEqual(audit.calls, ['write']);
    // Nothing written since: no timer, no second checkpoint.
    assert.equal(timers.pending.size, 0);
    assert.equal(logger.lines.length, 0);
  });

  it('follows writes that commit while the checkpoint is being written with exactly one more', async () => {
    for (let i = 0; i < 60; i += 1) follower.noteWrite();
    audit.gate = true;
    timers.fire();
    // 40 writes while the first checkpoint runs: no timer yet (the head it reads may predate them).
    for (let i = 0; i < 40; i += 1) follower.noteWrite();
    assert.equal(timers.pending.size, 0);
    audit.open();
    await follower.settled();
    assert.equal(timers.pending.size, 1);
    assert.deepEqual(timers.fire(), [1000]);
    await follower.settled();
    // 100 writes, 2 checkpoints, 2 timers.
    assert.deepEqual(audit.calls, ['write', 'write']);
    assert.equal(timers.scheduled, 2);
  });

  it('logs a failed checkpoint instead of throwing, and the next write tries again', async () => {
    audit.fail = 1;
    follower.noteWrite();
    timers.fire();
    await follower.settled();
    assert.deepEqual(logger.lines, [
      {
        level: 'warn',
        msg: 'audit checkpoint after a write failed',
        fields: { error: 'EACCES: permission denied, open audit-anchors.jsonl' },
      },
    ]);
    follower.noteWrite();
    timers.fire();
    await follower.settled();
    assert.deepEqual(audit.calls, ['write', 'write']);
    assert.equal(logger.lines.length, 1);
  });

  it('writes a checkpoint still due when stopped, and follows no write afterwards', async () => {
    follower.noteWrite();
    await follower.stop();
    assert.deepEqual(audit.calls, ['write']);
    assert.equal(timers.pending.size, 0);
    follower.noteWrite();
    assert.equal(timers.scheduled, 1);
    // Stopped with nothing due: no checkpoint.
    const idle = new AuditWriteCheckpoint({ audit, delayMs: 1000, logger, timers });
    await idle.stop();
    assert.deepEqual(audit.calls, ['write']);
  });
});
