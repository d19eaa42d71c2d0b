/**
 * Kotae installed under a path with a dot-folder (`<tmp>/.local/share/kotae`), started as its own process
 * with `node bin/kotae.js serve` the way an operator starts it. The copy leaves out dist/: the first start
 * compiles the copied sources (about 2 s), so the process runs exactly the sources under test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-dir';

const REPO_ROOT = path.join(__dirname, '..', '..');
/**
 * Not part of an install (node_modules is linked in), a developer's own settings and data (`.env` would
 * configure the child, e.g. with Teams credentials), or build output rebuilt from the copied sources.
 */
const SKIPPED = new Set(['node_modules', '.git', '.env', 'test', 'data', 'test-artifacts', 'r', 'dist']);
const isBuildLeftover = (entry: string) => entry.startsWith('dist.tmp-') || entry.startsWith('dist.old-');

/** The running copy and how to reach and stop it. */
export interface DotFolderApp {
  /** The install folder (contains `/.local/`). */
  installDir: string;
  url: string;
  adminPassword: string;
  stop(): Promise<void>;
}

/** Copies the app under `<tmp>/.local/share/kotae` and starts it; resolves once it listens. */
export async function startDotFolderApp(env: Record<string, string> = {}): Promise<DotFolderApp> {
  const temp = tempDir('kotae-dotdir-');
  const installDir = path.join(temp.dir, '.local', 'share', 'kotae');
  const adminPassword = 'dot-folder-password';
  fs.mkdirSync(installDir, { recursive: true });
  for (const entry of fs.readdirSync(REPO_ROOT)) {
    if (SKIPPED.has(entry) || isBuildLeftover(entry)) continue;
    fs.cpSync(path.join(REPO_ROOT, entry), path.join(installDir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(installDir, 'node_modules'), 'dir');
  const child: ChildProcess = spawn(process.execPath, [path.join(installDir, 'bin', 'kotae.js'), 'serve'], {
    cwd: installDir,
    env: {
      PATH: process.env.PATH,
      HOME: temp.dir,
      PORT: '0',
      KOTAE_DATA_DIR: path.join(temp.dir, '.local', 'state', 'kotae'),
      KOTAE_ADMIN_PASSWORD: adminPassword,
      KOTAE_SCHEDULER: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    temp.cleanup();
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/[\w.]+:\d+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`kotae exited with ${code}: ${stderr.slice(-2000)}`)));
    });
    return { installDir, url, adminPassword, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
