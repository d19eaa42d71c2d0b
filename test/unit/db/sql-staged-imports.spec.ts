/**
 * The staged_import store on every database the suites cover: the exact bytes of an uploaded file come back
 * (every byte value, 1 MB), only to the operator who kept it and only with its token; removal by token or of
 * all the operator's rows; the sweep deletes exactly the rows expired at its time; a removal inside a
 * transaction that rolls back removes nothing.
 */
import assert from 'node:assert/strict';
import { SqlStagedImports } from '../../../db/repositories/sql-staged-imports';
import { inTransaction } from '../../../db/transaction-scope';
import type { StagedImport } from '../../../operations';
import { describeEachDb } from '../../helpers/databases';

const T0 = new Date('2026-12-07T01:00:00.123Z');
const MINUTE = 60_000;
const tokenA = 'a'.repeat(64);
const tokenB = 'b'.repeat(64);

function entry(over: Partial<Omit<StagedImport, 'id'>> = {}): Omit<StagedImport, 'id'> {
  return {
    kind: 'terminal',
    token: tokenA,
    createdBy: 'op1',
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 30 * MINUTE),
    encoding: 'sjis',
    content: Buffer.from('コンピュータ名,IPアドレス,拠点\r\n', 'utf8'),
    ...over,
  };
}

describeEachDb('staged imports store', (each) => {
  const store = () => new SqlStagedImports(each.db.ds);
  const count = async () => (await each.db.ds.getRepository('staged_import').count()) as number;
  beforeEach(() => each.db.reset());

  it('gives back the exact bytes, times and encoding to the operator who kept them, with their token', async () => {
    const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
    const big = Buffer.alloc(1024 * 1024, 0x82);
    const content = Buffer.concat([everyByte, big, everyByte]);
    const kept = await store().put(entry({ content }));
    assert.match(kept.id, /^[0-9a-f-]{36}$/);
    const found = await store().find('terminal', tokenA, 'op1');
    assert.ok(found);
    assert.equal(found.id, kept.id);
    assert.equal(Buffer.compare(found.content, content), 0);
    assert.equal(found.content.length, 256 * 2 + 1024 * 1024);
    assert.deepEqual([found.kind, found.token, found.createdBy, found.encoding], ['terminal', tokenA, 'op1', 'sjis']);
    assert.deepEqual(
      [found.createdAt.toISOString(), found.expiresAt.toISOString()],
      ['2026-12-07T01:00:00.123Z', '2026-12-07T01:30:00.123Z'],
    );
    assert.equal(await store().find('terminal', tokenA, 'op2'), undefined, "another operator's token finds nothing");
    assert.equal(await store().find('terminal', tokenB, 'op1'), undefined);
    assert.equal(await store().find('other', tokenA, 'op1'), undefined);
  });

  it('finds the newest row of a token and removes by token, or all of an operator', async () => {
    await store().put(entry({ content: Buffer.from('old') }));
    await store().put(entry({ content: Buffer.from('new'), createdAt: new Date(T0.getTime() + MINUTE) }));
    await store().put(entry({ token: tokenB, content: Buffer.from('other token') }));
    await store().put(entry({ createdBy: 'op2', content: Buffer.from('op2') }));
    assert.equal((await store().find('terminal', tokenA, 'op1'))?.content.toString(), 'new');
    assert.equal(await store().remove('terminal', 'op2', tokenB), 0);
    assert.equal(await store().remove('terminal', 'op1', tokenA), 2);
    assert.equal(await store().find('terminal', tokenA, 'op1'), undefined);
    assert.equal((await store().find('terminal', tokenA, 'op2'))?.content.toString(), 'op2');
    assert.equal(await store().remove('terminal', 'op1'), 1);
    assert.equal(await count(), 1);
  });

  it('sweeps exactly the rows expired at its time', async () => {
    for (const [who, minutes] of [
      ['op1', -1],
      ['op2', 0],
      ['op3', 1],
    ] as const)
      await store().put(entry({ createdBy: who, expiresAt: new Date(T0.getTime() + minutes * MINUTE) }));
    assert.equal(await store().sweep(T0), 2);
    assert.deepEqual(
      (await each.db.ds.getRepository<{ createdBy: string }>('staged_import').find()).map((r) => r.createdBy),
      ['op3'],
    );
    assert.equal(await store().sweep(T0), 0);
  });

  it('removes nothing when the transaction it joined rolls back', async () => {
    await store().put(entry());
    await assert.rejects(
      inTransaction(each.db.ds, async () => {
        assert.equal(await store().remove('terminal', 'op1', tokenA), 1);
        throw new Error('roll back');
      }),
      /roll back/,
    );
    assert.equal(await count(), 1);
  });
});
