import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import express from 'express';
import { createKbRouter } from '../../../../adapters/web/kb-files';
import { tempDir } from '../../../helpers/temp-dir';

describe('/kb file server', () => {
  const root = tempDir('kotae-kb-');
  const kb = path.join(root.dir, 'kb');
  const data = path.join(root.dir, 'data');
  let server: Server;
  let url = '';

  before(async () => {
    fs.mkdirSync(path.join(kb, 'manuals'), { recursive: true });
    fs.mkdirSync(data);
    fs.writeFileSync(path.join(kb, 'manuals', 'vpn.html'), '<p>VPN</p>');
    fs.writeFileSync(path.join(kb, '.env'), 'SECRET=1');
    fs.writeFileSync(path.join(kb, 'copy.sqlite'), 'SQLite format 3');
    fs.writeFileSync(path.join(data, 'kotae.sqlite'), 'SQLite format 3');
    fs.writeFileSync(path.join(root.dir, 'outside.html'), 'outside');
    fs.symlinkSync(path.join(data, 'kotae.sqlite'), path.join(kb, 'db.html'));
    fs.symlinkSync(data, path.join(kb, 'data-link'));
    fs.symlinkSync(path.join(root.dir, 'outside.html'), path.join(kb, 'escape.html'));
    fs.symlinkSync(path.join(kb, 'manuals', 'vpn.html'), path.join(kb, 'inside-link.html'));
    fs.mkdirSync(path.join(kb, '.drafts'));
    fs.writeFileSync(path.join(kb, '.drafts', 'draft.html'), '<p>作成中</p>');
    fs.symlinkSync(path.join(kb, '.drafts', 'draft.html'), path.join(kb, 'draft-link.html'));
    const app = express();
    app.use('/kb', createKbRouter(kb, data));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/kb`;
  });
  after(() => {
    server.close();
    root.cleanup();
  });

  const status = async (p: string): Promise<number> => {
    const res = await fetch(`${url}${p}`);
    await res.arrayBuffer();
    return res.status;
  };

  it('serves regular files under the real knowledge folder, symlinks that stay inside too', async () => {
    assert.equal(await status('/manuals/vpn.html'), 200);
    assert.equal(await status('/inside-link.html'), 200);
  });

  it('never serves symlinks out of the folder, the data folder, dotfiles, database files or folders', async () => {
    for (const p of [
      '/db.html',
      '/data-link/kotae.sqlite',
      '/escape.html',
      '/draft-link.html',
      '/.env',
      '/copy.sqlite',
      '/manuals',
      '/',
      '/..%2Foutside.html',
    ]) {
      assert.equal(await status(p), 404, p);
    }
  });

  it('serves a knowledge folder kept under a dot-folder (~/.local/share/…)', async () => {
    const dotKb = path.join(root.dir, '.local', 'share', 'kotae-kb');
    fs.mkdirSync(path.join(dotKb, 'manuals'), { recursive: true });
    fs.writeFileSync(path.join(dotKb, 'manuals', 'mail.html'), '<p>メール</p>');
    const app = express();
    app.use('/kb', createKbRouter(dotKb, data));
    const dotServer: Server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    try {
      const address = dotServer.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const res = await fetch(`http://127.0.0.1:${port}/kb/manuals/mail.html`);
      assert.deepEqual([res.status, await res.text()], [200, '<p>メール</p>']);
    } finally {
      dotServer.close();
    }
  });
});
