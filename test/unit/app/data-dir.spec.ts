import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensureWritableDir, lockDataDir } from '../../../app/data-dir';
import { tempDir } from '../../helpers/temp-dir';

describe('data directory', () => {
  it('refuses an unwritable directory with DATA_DIR_UNWRITABLE', () => {
    const { dir, cleanup } = tempDir();
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    assert.throws(() => ensureWritableDir(path.join(file, 'data')), { code: 'DATA_DIR_UNWRITABLE' });
    cleanup();
  });

  it('lets one server hold the lock and replaces a stale one', async () => {
    const { dir, cleanup } = tempDir();
    const child = spawn(process.execPath, ['-e', 'setTimeout(()=>{}, 10000)']);
    fs.writeFileSync(path.join(dir, 'kotae.pid'), String(child.pid));
    assert.throws(() => lockDataDir(dir), { code: 'DATA_DIR_IN_USE' });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    const lock = lockDataDir(dir);
    assert.equal(fs.readFileSync(path.join(dir, 'kotae.pid'), 'utf8'), String(process.pid));
    lock.release();
    assert.equal(fs.existsSync(path.join(dir, 'kotae.pid')), false);
    cleanup();
  });
});
