/**
 * inTransaction on every database: nested calls join one transaction, an error rolls all of it back, and
 * (SQLite, where every transaction reuses one query runner) the next transaction after a rollback, after
 * a reopened data source and under concurrent callers still commits.
 */
import assert from 'node:assert/strict';
import type { DataSource } from 'typeorm';
import { runDb } from '../../../db/run-db';
import { afterCommit, inOpenTransaction, inTransaction, managerOf } from '../../../db/transaction-scope';
import { describeEachDb } from '../../helpers/databases';

const insert = (ds: DataSource, key: string) =>
  managerOf(ds).query(
    ds.options.type === 'postgres'
      ? 'INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES ($1, 1, $2)'
      : 'INSERT INTO "rate_limit" ("key", "hits", "expiresAt") VALUES (?, 1, ?)',
    [key, ds.options.type === 'postgres' ? new Date('2026-12-03T00:00:00Z') : '2026-12-03 00:00:00.000'],
  );

const keys = async (ds: DataSource) =>
  ((await ds.query('SELECT "key" FROM "rate_limit" ORDER BY "key"')) as { key: string }[]).map((r) => r.key);

describeEachDb('inTransaction', (each) => {
  beforeEach(() => each.db.reset());
  const unit = <T>(work: () => Promise<T>) => runDb(each.db.ds, work);

  it('commits a transaction and the calls nested in it together', async () => {
    const ds = each.db.ds;
    await unit(() =>
      inTransaction(ds, async () => {
        await insert(ds, 'a');
        assert.equal(inOpenTransaction(ds), true);
        await inTransaction(ds, () => insert(ds, 'b'));
      }),
    );
    assert.equal(inOpenTransaction(ds), false);
    assert.deepEqual(await keys(ds), ['a', 'b']);
  });

  it('rolls every nested write back on an error, and the next transaction commits', async () => {
    const ds = each.db.ds;
    await assert.rejects(
      unit(() =>
        inTransaction(ds, async () => {
          await insert(ds, 'a');
          await inTransaction(ds, () => insert(ds, 'b'));
          throw new Error('boom');
        }),
      ),
      /boom/,
    );
    await assert.rejects(unit(() => inTransaction(ds, () => insert(ds, 'x').then(() => insert(ds, 'x')))));
    assert.deepEqual(await keys(ds), []);
    await unit(() => inTransaction(ds, () => insert(ds, 'c')));
    assert.deepEqual(await keys(ds), ['c']);
  });

  it('runs afterCommit callbacks once the outermost transaction committed (once each), never after a rollback', async () => {
    const ds = each.db.ds;
    const seen: string[] = [];
    const note = () => seen.push(`committed with ${inOpenTransaction(ds) ? 'a' : 'no'} transaction open`);
    await unit(() =>
      inTransaction(ds, async () => {
        await insert(ds, 'a');
        afterCommit(ds, note);
        await inTransaction(ds, async () => afterCommit(ds, note));
        assert.deepEqual(seen, []);
      }),
    );
    assert.deepEqual(seen, ['committed with no transaction open']);
    await assert.rejects(
      unit(() =>
        inTransaction(ds, async () => {
          afterCommit(ds, note);
          throw new Error('boom');
        }),
      ),
      /boom/,
    );
    // Outside a transaction: now.
    afterCommit(ds, () => seen.push('now'));
    assert.deepEqual(seen, ['committed with no transaction open', 'now']);
  });

  it('commits 20 concurrent units of work, each whole', async () => {
    const ds = each.db.ds;
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        unit(() =>
          inTransaction(ds, async () => {
            await insert(ds, `k${String(i).padStart(2, '0')}-1`);
            await insert(ds, `k${String(i).padStart(2, '0')}-2`);
          }),
        ),
      ),
    );
    assert.equal((await keys(ds)).length, 40);
  });

  it('works again after the data source was closed and opened', async () => {
    const ds = each.db.ds;
    await unit(() => inTransaction(ds, () => insert(ds, 'before')));
    await ds.destroy();
    await ds.initialize();
    await unit(() => inTransaction(ds, () => insert(ds, 'after')));
    assert.deepEqual(await keys(ds), ['after', 'before']);
  });
});
