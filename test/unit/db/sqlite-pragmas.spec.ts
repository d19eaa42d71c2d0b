/** The SQLite connection's settings: WAL, commits without a disk sync each (synchronous NORMAL), foreign keys. */
import assert from 'node:assert/strict';
import path from 'node:path';
import { createDataSource } from '../../../db';
import { tempDir } from '../../helpers/temp-dir';

describe('the SQLite connection', () => {
  it('runs in WAL mode with synchronous = NORMAL and foreign keys on, from the first open of a new file', async () => {
    const { dir, cleanup } = tempDir('kotae-pragma-');
    const ds = await createDataSource({ kind: 'sqlite', path: path.join(dir, 'new.sqlite') }).initialize();
    try {
      const pragma = async (name: string) => ((await ds.query(`PRAGMA ${name}`)) as Record<string, unknown>[])[0];
      assert.deepEqual(await pragma('journal_mode'), { journal_mode: 'wal' });
      // 0 OFF, 1 NORMAL, 2 FULL (SQLite's default: a disk sync at every commit), 3 EXTRA.
      assert.deepEqual(await pragma('synchronous'), { synchronous: 1 });
      assert.deepEqual(await pragma('foreign_keys'), { foreign_keys: 1 });
    } finally {
      await ds.destroy();
      cleanup();
    }
  });
});
