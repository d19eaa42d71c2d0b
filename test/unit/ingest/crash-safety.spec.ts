import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MemoryLogger } from '../../../core/logger';
import { currentIndexDir, runIngest } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir, readBuiltChunks } from './fixtures';

/** Starts the child ingest and resolves with the generation it is building, once it is mid-build. */
function startHangingIngest(
  sourceDir: string,
  dataDir: string,
): Promise<{ pid: number; dir: string; kill: () => Promise<void> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'crash-child.ts'), sourceDir, dataDir],
    {
      cwd: path.join(__dirname, '../../..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /BUILDING (.+)\n/.exec(out);
      if (!match) return;
      const kill = async (): Promise<void> => {
        child.kill('SIGKILL');
        await exited;
      };
      resolve({ pid: child.pid as number, dir: match[1], kill });
    });
    child.once('exit', (code) => reject(new Error(`child exited (${code}) before building: ${err}`)));
  });
}

describe('ingest crash safety', function () {
  this.timeout(30_000);
  let root: string;
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('survives SIGKILL mid-build: CURRENT keeps the old generation, the next run cleans up', async () => {
    root = makeTempDir();
    const src = path.join(root, 'kb');
    const dataDir = path.join(root, 'data');
    fs.mkdirSync(src);
    fs.writeFileSync(path.join(src, 'guide.md'), '# 手順\n\n古い本文です。');
    const builder = new FakeIndexBuilder();
    const first = await runIngest({ sourceDir: src, dataDir, build: builder.build, logger: new MemoryLogger() });

    fs.writeFileSync(path.join(src, 'guide.md'), '# 手順\n\n新しい本文です。');
    const child = await startHangingIngest(src, dataDir);
    assert.ok(fs.existsSync(path.join(child.dir, 'chunks.partial.json')));
    await child.kill();

    assert.equal(currentIndexDir(dataDir), first.indexDir, 'CURRENT still names the old generation');
    assert.equal(readBuiltChunks(first.indexDir)[0].fields.body, '古い本文です。', 'old generation still opens');
    const lock = JSON.parse(fs.readFileSync(path.join(dataDir, 'index', '.ingest.lock'), 'utf8')) as { pid: number };
    assert.equal(lock.pid, child.pid, 'the killed run left its lock behind');

    const second = await runIngest({ sourceDir: src, dataDir, build: builder.build, logger: new MemoryLogger() });
    assert.equal(currentIndexDir(dataDir), second.indexDir);
    assert.equal(readBuiltChunks(second.indexDir)[0].fields.body, '新しい本文です。');
    assert.ok(!fs.existsSync(child.dir), 'the half-built generation was removed');
    const entries = fs.readdirSync(path.join(dataDir, 'index')).sort();
    assert.deepEqual(
      entries.filter((e) => e.startsWith('gen-')).sort(),
      [path.basename(first.indexDir), path.basename(second.indexDir)].sort(),
    );
    assert.ok(!entries.includes('.ingest.lock'));
  });
});
