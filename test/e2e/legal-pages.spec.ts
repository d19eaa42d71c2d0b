import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { renderManifest } from '../../manifest';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

/** The Teams manifest's privacyUrl and termsOfUseUrl answer on the real app, with the configured texts. */
describe('end to end: the pages the Teams manifest links to', function () {
  this.timeout(120_000);
  let kotae: RunningApp;
  const files = tempDir('kotae-legal-e2e-');

  before(async () => {
    const terms = path.join(files.dir, 'terms.md');
    fs.writeFileSync(terms, '# 利用条件\nことのは市の職員に限り利用できます。\n');
    kotae = await startApp({ KOTAE_ORGANIZATION: 'ことのは市 総務部 情報政策課', KOTAE_TERMS_FILE: terms });
  });
  after(async () => {
    await kotae?.stop();
    files.cleanup();
  });

  it('serves privacyUrl and termsOfUseUrl of the built manifest as Japanese HTML (200)', async () => {
    const manifest = renderManifest({
      appId: '0c2f1b9e-5a41-4d3c-9a7e-2b8e6f4d1a10',
      botId: 'd3b07384-d9a0-4c6b-8f2e-7a1e5c9b4f21',
      domain: 'kotae.city.example.lg.jp',
    }) as { developer: { privacyUrl: string; termsOfUseUrl: string } };
    const privacyUrl = new URL(manifest.developer.privacyUrl);
    const termsUrl = new URL(manifest.developer.termsOfUseUrl);
    assert.deepEqual(
      [privacyUrl.origin, privacyUrl.pathname, termsUrl.origin, termsUrl.pathname],
      ['https://kotae.city.example.lg.jp', '/privacy', 'https://kotae.city.example.lg.jp', '/terms'],
    );

    const privacy = await fetch(`${kotae.url}${privacyUrl.pathname}`);
    assert.equal(privacy.status, 200);
    assert.equal(privacy.headers.get('content-type'), 'text/html; charset=utf-8');
    const privacyHtml = await privacy.text();
    assert.match(privacyHtml, /<html lang="ja">/);
    assert.match(privacyHtml, /<h1>プライバシーポリシー<\/h1>/);
    assert.match(privacyHtml, /ことのは市 総務部 情報政策課（以下「運用者」）/);
    assert.match(privacyHtml, /1095 日を経過した後に削除します/);

    const terms = await fetch(`${kotae.url}${termsUrl.pathname}`);
    assert.equal(terms.status, 200);
    const termsHtml = await terms.text();
    assert.match(termsHtml, /<h1>利用規約<\/h1>\s*<h2>利用条件<\/h2>\s*<p>ことのは市の職員に限り利用できます。<\/p>/);

    const css = await fetch(`${kotae.url}/static/legal.css`);
    assert.equal(css.status, 200);
  });
});
