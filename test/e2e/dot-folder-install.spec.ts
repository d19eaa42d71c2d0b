/**
 * Kotae installed under a path with a dot-folder (e.g. ~/.local/share/kotae): a copy of the sources
 * under `.local/` is started as its own process; the web chat page and its static files are served
 * (res.sendFile with an absolute path would refuse the dotfile segment and answer 500).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from '../helpers/temp-dir';

const REPO_ROOT = path.join(__dirname, '..', '..');
const SKIPPED = new Set(['node_modules', '.git', 'test', 'data', 'test-artifacts']);

describe('an install under a dot-folder (real process)', function () {
  this.timeout(120_000);
  const temp = tempDir('kotae-dotdir-');
  const installDir = path.join(temp.dir, '.local', 'share', 'kotae');
  let child: ChildProcess | undefined;
  let url = '';

  before(async () => {
    fs.mkdirSync(installDir, { recursive: true });
    for (const entry of fs.readdirSync(REPO_ROOT)) {
      if (SKIPPED.has(entry)) continue;
      fs.cpSync(path.join(REPO_ROOT, entry), path.join(installDir, entry), { recursive: true });
    }
    fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(installDir, 'node_modules'), 'dir');
    child = spawn(process.execPath, [path.join(installDir, 'bin', 'kotae.js'), 'serve'], {
      cwd: installDir,
      env: {
        PATH: process.env.PATH,
        HOME: temp.dir,
        PORT: '0',
        KOTAE_DATA_DIR: path.join(temp.dir, '.local', 'state', 'kotae'),
        KOTAE_ADMIN_PASSWORD: 'dot-folder-password',
        KOTAE_SCHEDULER: 'false',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child!.stdout?.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /(http:\/\/[\w.]+:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child!.once('exit', (code) => reject(new Error(`kotae exited with ${code}: ${stderr.slice(-2000)}`)));
    });
  });
  after(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    temp.cleanup();
  });

  it('runs from the dot-folder path and serves the web chat and its static files', async () => {
    assert.match(installDir, /\/\.local\//);
    const page = await fetch(`${url}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<html lang="ja">/);
    for (const file of ['chat.js', 'chat.css']) {
      const res = await fetch(`${url}/static/${file}`);
      assert.equal(res.status, 200, file);
      assert.ok((await res.text()).length > 100);
    }
    // Dotfiles inside the static folder stay hidden.
    assert.equal((await fetch(`${url}/static/.hidden`)).status, 404);
  });
});
