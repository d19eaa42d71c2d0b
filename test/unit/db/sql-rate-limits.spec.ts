/**
 * Rate-limit counters in the database: two instances (two DataSources on one database) counting the
 * same window concurrently get every count exactly once; expired windows are purged.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { createDataSource, SqlRateLimits } from '../../../db';
import { describeEachDb } from '../../helpers/databases';

const NOW = new Date('2026-12-03T01:00:00.000Z');
const LATER = new Date('2026-12-03T01:01:00.000Z');

describeEachDb('SqlRateLimits', (each) => {
  let second: DataSource;
  before(async () => {
    second = await createDataSource(each.db.config).initialize();
  });
  after(async () => {
    if (second?.isInitialized) await second.destroy();
  });
  beforeEach(() => each.db.reset());

  it('counts 40 concurrent hits of two instances as 1..40, each once, and keys apart', async () => {
    const one = new SqlRateLimits(each.db.ds, () => NOW);
    const two = new SqlRateLimits(second, () => NOW);
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? one : two).hit('api-ip:127.0.0.1:1', LATER)),
    );
    assert.deepEqual(
      [...counts].sort((a, b) => a - b),
      Array.from({ length: 40 }, (_, i) => i + 1),
    );
    assert.equal(await one.hit('api-ip:127.0.0.2:1', LATER), 1);
  });

  it('purges windows that have ended', async () => {
    let now = NOW;
    const limits = new SqlRateLimits(each.db.ds, () => now);
    await limits.hit('old', LATER);
    now = new Date(LATER.getTime() + 120_000);
    await limits.hit('new', new Date(now.getTime() + 60_000));
    const rows = (await each.db.ds.query('SELECT "key" FROM "rate_limit"')) as { key: string }[];
    assert.deepEqual(
      rows.map((r) => r.key),
      ['new'],
    );
  });
});
