import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createWebApp, loadLegalPages, type LegalPages } from '../../../../../adapters/web';
import { markdownToHtml } from '../../../../../adapters/web/legal';
import { KotaeError } from '../../../../../core/errors';
import { MemoryLogger } from '../../../../../core/logger';
import { FakeHelpdesk } from '../../../../fakes/fake-helpdesk';
import { FakeConversationStore } from '../../../../fakes/teams-conversation-store';
import { tempDir } from '../../../../helpers/temp-dir';

async function serve(legalPages: LegalPages): Promise<{ url: string; close: () => Promise<void> }> {
  const app = createWebApp({
    helpdesk: new FakeHelpdesk(),
    conversations: new FakeConversationStore(),
    logger: new MemoryLogger(),
    health: async () => ({ ok: true }),
    legalPages,
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

describe('web: /privacy and /terms (the Teams manifest links)', () => {
  it('serves built-in Japanese pages naming the organisation, escaped', async () => {
    const pages = loadLegalPages({ organization: 'ことのは市 <情報政策課> & "IT"', retentionDays: 400 });
    const web = await serve(pages);
    try {
      const privacy = await get(`${web.url}/privacy`);
      assert.equal(privacy.status, 200);
      assert.equal(privacy.type, 'text/html; charset=utf-8');
      assert.match(privacy.text, /<html lang="ja">/);
      assert.match(privacy.text, /<h1>プライバシーポリシー<\/h1>/);
      assert.match(privacy.text, /ことのは市 &lt;情報政策課&gt; &amp; &quot;IT&quot;（以下「運用者」）/);
      assert.match(privacy.text, /400 日を経過した後に削除します/);
      assert.doesNotMatch(privacy.text, /<情報政策課>/);
      const terms = await get(`${web.url}/terms`);
      assert.equal(terms.status, 200);
      assert.match(terms.text, /<h1>利用規約<\/h1>/);
      assert.match(terms.text, /<h2>禁止事項<\/h2>/);
      assert.match(terms.text, /<a href="\/privacy">プライバシーポリシー<\/a>/);
    } finally {
      await web.close();
    }
  });

  it('renders an administrator Markdown file escaped, and an HTML file as written', async () => {
    const dir = tempDir('kotae-legal-');
    try {
      const md = path.join(dir.dir, 'privacy.md');
      fs.writeFileSync(
        md,
        '\uFEFF# 個人情報の取扱い\r\n\r\n当市は<b>適正に</b>取り扱います。\r\n詳しくは窓口へ。\r\n\r\n- 氏名\r\n- 所属\r\n',
      );
      const page = path.join(dir.dir, 'terms.html');
      fs.writeFileSync(page, '<html><body><p>ことのは市の<strong>利用規約</strong></p></body></html>');
      const web = await serve(
        loadLegalPages({ organization: 'ことのは市', retentionDays: 30, privacyFile: md, termsFile: page }),
      );
      try {
        const privacy = await get(`${web.url}/privacy`);
        const main = /<main>([\s\S]*)<\/main>/.exec(privacy.text)?.[1].replace(/\s+</g, '<').trim();
        assert.equal(
          main,
          '<h1>プライバシーポリシー</h1><h2>個人情報の取扱い</h2><p>当市は&lt;b&gt;適正に&lt;/b&gt;取り扱います。<br />詳しくは窓口へ。</p><ul><li>氏名</li><li>所属</li></ul>',
        );
        const terms = await get(`${web.url}/terms`);
        assert.match(terms.text, /<p>ことのは市の<strong>利用規約<\/strong><\/p>/);
        assert.doesNotMatch(terms.text, /<html><body>/);
      } finally {
        await web.close();
      }
    } finally {
      dir.cleanup();
    }
  });

  it('refuses to start with a configured file that is missing or empty', () => {
    const dir = tempDir('kotae-legal-');
    try {
      const empty = path.join(dir.dir, 'terms.md');
      fs.writeFileSync(empty, '  \n');
      const check = (sources: { privacyFile?: string; termsFile?: string }, pattern: RegExp): void =>
        assert.throws(
          () => loadLegalPages({ organization: 'ことのは市', retentionDays: 30, ...sources }),
          (err: unknown) => err instanceof KotaeError && err.code === 'CONFIG_INVALID' && pattern.test(err.message),
        );
      check({ privacyFile: path.join(dir.dir, 'missing.md') }, /KOTAE_PRIVACY_FILE: cannot read/);
      check({ termsFile: empty }, /KOTAE_TERMS_FILE: .* is empty/);
    } finally {
      dir.cleanup();
    }
  });

  it('knows ordered lists and second-level headings', () => {
    assert.equal(
      markdownToHtml('## 手順\n1. 申請する\n2. 承認を待つ').value.replace(/\s+</g, '<'),
      '<h3>手順</h3><ol><li>申請する</li><li>承認を待つ</li></ol>',
    );
  });
});
