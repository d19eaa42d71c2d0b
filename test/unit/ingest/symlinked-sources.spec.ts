import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import type { Server } from 'node:http';
import * as path from 'node:path';
import express from 'express';
import { createKbRouter } from '../../../adapters/web/kb-files';
import { MemoryLogger } from '../../../core/logger';
import { runIngest, SKIP_REASONS } from '../../../ingest';
import { FakeIndexBuilder, makeTempDir } from './fixtures';

/**
 * A knowledge folder with symbolic links, as an ICT department keeps one: a link to a file inside the folder is
 * indexed and its source opens at /kb; a link to a file elsewhere (or to a hidden file of the folder), which /kb
 * would never serve, is not indexed and is reported — no answer cites a source that answers 404.
 */
describe('symbolic links in the knowledge folder', () => {
  let root: string;
  let kb: string;
  let server: Server;
  let base = '';

  before(async () => {
    root = makeTempDir();
    kb = path.join(root, 'kb');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    write(path.join(kb, 'manuals', 'vpn.md'), '# VPN\n\nVPNの接続手順です。\n');
    write(path.join(kb, 'manuals', 'v3', 'mail.md'), '# メール\n\nメールの送信手順です。\n');
    write(path.join(kb, '.drafts', 'printer.md'), '# プリンター\n\n作成中の手順です。\n');
    write(path.join(root, 'ict-share', 'wifi.md'), '# 無線LAN\n\n情報政策課が管理する手順です。\n');
    fs.symlinkSync(path.join(kb, 'manuals', 'v3', 'mail.md'), path.join(kb, 'mail-latest.md'));
    fs.symlinkSync(path.join(root, 'ict-share', 'wifi.md'), path.join(kb, 'wifi.md'));
    fs.symlinkSync(path.join(kb, '.drafts', 'printer.md'), path.join(kb, 'printer.md'));
    const app = express();
    app.use('/kb', createKbRouter(kb, path.join(root, 'data')));
    server = await new Promise((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/kb/`;
  });
  after(() => {
    server.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes a link inside the folder, opens every indexed source, and skips links out of it with a reason', async () => {
    const builder = new FakeIndexBuilder();
    const logger = new MemoryLogger();
    const summary = await runIngest({ sourceDir: kb, dataDir: path.join(root, 'data'), build: builder.build, logger });
    assert.deepEqual(
      builder.last.map((c) => [c.documentId, c.url]),
      [
        ['mail-latest.md', 'mail-latest.md'],
        ['manuals/v3/mail.md', 'manuals/v3/mail.md'],
        ['manuals/vpn.md', 'manuals/vpn.md'],
      ],
    );
    assert.deepEqual(summary.skipped, [
      { path: 'printer.md', reason: SKIP_REASONS.linkOutside },
      { path: 'wifi.md', reason: SKIP_REASONS.linkOutside },
    ]);
    assert.deepEqual([summary.files, summary.indexed], [5, 3]);
    assert.deepEqual(
      logger.lines.filter((l) => l.level === 'warn').map((l) => [l.msg, l.fields?.paths]),
      [['links out of the knowledge folder not indexed', ['printer.md', 'wifi.md']]],
    );
    for (const chunk of builder.last) {
      const res = await fetch(base + chunk.url);
      assert.equal(res.status, 200, chunk.url);
      assert.match(await res.text(), /の送信手順です。|の接続手順です。/);
    }
    for (const link of ['wifi.md', 'printer.md']) {
      const res = await fetch(base + link);
      await res.arrayBuffer();
      assert.equal(res.status, 404, link);
    }
  });
});
