/**
 * Kotae installed under a path with a dot-folder (e.g. ~/.local/share/kotae): a copy of the sources
 * under `.local/` is started as its own process; the web chat page and its static files are served
 * (res.sendFile with an absolute path would refuse the dotfile segment and answer 500). The full
 * conversation on such an install is conversation-exchange.spec.ts.
 */
import assert from 'node:assert/strict';
import { startDotFolderApp, type DotFolderApp } from '../helpers/dot-folder-app';

describe('an install under a dot-folder (real process)', function () {
  this.timeout(120_000);
  let kotae: DotFolderApp | undefined;

  before(async () => {
    kotae = await startDotFolderApp();
  });
  after(async () => {
    await kotae?.stop();
  });

  it('runs from the dot-folder path and serves the web chat and its static files', async () => {
    const { installDir, url } = kotae!;
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
