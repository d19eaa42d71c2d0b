import assert from 'node:assert/strict';
import { IndexSync, type GenerationCounter } from '../../../app/index-sync';
import { MemoryLogger } from '../../../core/logger';

class Counter implements GenerationCounter {
  value = 0;
  async bump(): Promise<number> {
    this.value += 1;
    return this.value;
  }
  async current(): Promise<number> {
    return this.value;
  }
}

describe('IndexSync', () => {
  it('rebuilds once per generation published by another instance, never for its own', async () => {
    const counter = new Counter();
    counter.value = 3;
    let rebuilds = 0;
    const sync = new IndexSync({
      generations: counter,
      rebuild: async () => void (rebuilds += 1),
      logger: new MemoryLogger(),
    });
    await sync.start();
    try {
      await sync.poll();
      assert.equal(rebuilds, 0);
      await sync.published();
      await sync.poll();
      assert.equal(rebuilds, 0, 'its own generation');
      await counter.bump();
      await sync.poll();
      await sync.poll();
      assert.equal(rebuilds, 1, 'another instance published once');
    } finally {
      await sync.stop();
    }
  });

  it('rebuilds after its own publication when another instance published in between', async () => {
    const counter = new Counter();
    let rebuilds = 0;
    const sync = new IndexSync({
      generations: counter,
      rebuild: async () => void (rebuilds += 1),
      logger: new MemoryLogger(),
    });
    await sync.start();
    try {
      await counter.bump();
      await sync.published();
      await sync.poll();
      assert.equal(rebuilds, 1);
    } finally {
      await sync.stop();
    }
  });

  it('tries again at the next poll when a rebuild failed', async () => {
    const counter = new Counter();
    const logger = new MemoryLogger();
    let calls = 0;
    const sync = new IndexSync({
      generations: counter,
      rebuild: async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk full');
      },
      logger,
    });
    await sync.start();
    try {
      await counter.bump();
      await sync.poll();
      await sync.poll();
      await sync.poll();
      assert.equal(calls, 2);
      assert.deepEqual(
        logger.lines.filter((l) => l.level === 'warn').map((l) => l.fields?.error),
        ['disk full'],
      );
    } finally {
      await sync.stop();
    }
  });
});
