/**
 * SharePoint libraries through Microsoft Graph, end to end on the real app (issue 15 point 1): MSAL
 * gets a client-credentials token from a loopback Entra endpoint, the Graph client pages through the
 * loopback delta API (one 429 honoured after Retry-After), files are downloaded, mirrored and ingested
 * with their SharePoint webUrl as the answer's source; a later sync continues from the saved
 * deltaLink (a deleted item leaves the index), an expired delta token makes a full resync, and Graph
 * being down leaves the previous index serving with the error in the console.
 */
import assert from 'node:assert/strict';
import { DRIVE_ID, FakeGraphDrive, LIBRARY, SITE } from '../fakes/graph-drive-server';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { signInConsole } from '../helpers/console-client';

const TELEWORK = '在宅勤務用ノートPCの貸出は総務課（内線 4411）で受け付けます。貸出期間は最長3か月です。';

describe('SharePoint sync through Microsoft Graph (loopback Graph and Entra)', function () {
  this.timeout(180_000);
  let graph: FakeGraphDrive;
  let kotae: RunningApp;
  const ask = async (question: string) =>
    (await postJson(`${kotae.url}/api/ask`, { question })).body as {
      outcome: string;
      answer: string;
      sources: { title: string; url: string }[];
    };
  const sync = () => kotae.app.knowledgeJobs.sync!.syncNow();
  const status = async () => (await kotae.app.knowledgeJobs.sync!.status())[0];

  before(async () => {
    graph = new FakeGraphDrive();
    await graph.start();
    graph.put('a', 'マニュアル', 'テレワーク端末の貸出.md', `# テレワーク端末の貸出\n\n## 申し込み\n\n${TELEWORK}\n`);
    graph.put(
      'b',
      'マニュアル',
      '庁舎案内.html',
      '<h1>庁舎案内</h1><p>議会棟の会議室は議会事務局（内線 5151）で予約します。</p>',
    );
    graph.put(
      'c',
      'FAQ',
      'sp-faq.csv',
      'id,category,question,answer\nSP-001,施設,公用車の予約はどうすればよいですか,公用車は管財課の予約システムで予約してください。\n',
    );
    graph.put('d', '', 'setup.exe', 'MZ binary');
    graph.put('e', '', '巨大な手順書.md', '# 大きい\n' + 'あ'.repeat(3000));
    graph.throttleNext = 1;
    kotae = await startApp({
      KOTAE_SHAREPOINT_TENANT_ID: '8c6b2f0e-1d2a-4b5c-9e7f-0a1b2c3d4e5f',
      KOTAE_SHAREPOINT_CLIENT_ID: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
      KOTAE_SHAREPOINT_CLIENT_SECRET: graph.secret,
      KOTAE_SHAREPOINT_SECRET_EXPIRES: '2099-12-31',
      KOTAE_SHAREPOINT_SITE_LIBRARIES: `${SITE}:${LIBRARY}`,
      KOTAE_SHAREPOINT_MAX_FILE_BYTES: '4096',
      KOTAE_SHAREPOINT_GRAPH_URL: graph.graphUrl,
      KOTAE_SHAREPOINT_AUTHORITY_HOST: graph.authorityHost,
      KOTAE_SHAREPOINT_CA_FILE: graph.caFile,
    });
  });
  after(async () => {
    await kotae?.stop();
    await graph?.stop();
  });

  it('syncs the library page by page after a 429, skips files with reasons and answers with the SharePoint link', async () => {
    await sync();
    assert.deepEqual(
      graph.tokenRequests.map((t) => t.status),
      [200],
    );
    assert.ok(graph.requests.every((r) => r.url.startsWith('/download/') || r.auth === 'Bearer graph-token-1'));
    // The first Graph call (the site lookup) was throttled once and retried after Retry-After.
    assert.deepEqual(
      graph.requests.slice(0, 2).map((r) => [r.url, r.status]),
      [
        [`/v1.0/sites/${SITE}`, 429],
        [`/v1.0/sites/${SITE}`, 200],
      ],
    );
    const delta = graph.deltaRequests();
    assert.deepEqual(
      delta.map((r) => r.status),
      [200, 200, 200, 200],
    );
    assert.deepEqual(
      delta.map((r) => /page=(\d)/.exec(r.url)?.[1] ?? '0'),
      ['0', '1', '2', '3'],
    );
    const s = await status();
    assert.deepEqual(
      { ok: s.result?.ok, full: s.result?.full, added: s.result?.added, deleted: s.result?.deleted },
      { ok: true, full: true, added: 3, deleted: 0 },
    );
    assert.deepEqual(s.result?.skipped, [
      { path: 'setup.exe', reason: '未対応の形式' },
      { path: '巨大な手順書.md', reason: '4KBを超えるファイル' },
    ]);
    const answer = await ask('在宅勤務用ノートPCの貸出はどこで受け付けていますか');
    assert.equal(answer.outcome, 'answered', JSON.stringify(answer));
    assert.match(answer.answer, /総務課（内線 4411）/);
    assert.equal(
      answer.sources[0].url,
      `https://kotonoha.sharepoint.example/sites/helpdesk/${encodeURIComponent(LIBRARY)}/${encodeURIComponent('マニュアル')}/${encodeURIComponent('テレワーク端末の貸出.md')}`,
    );
    const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const faqs = await admin.get(`/console/faqs?q=${encodeURIComponent('公用車')}`);
    assert.match(faqs.text, /SharePoint<br \/><small>@sharepoint\/[0-9a-f]+\/FAQ\/sp-faq.csv<\/small>/);
    const page = await admin.get('/console/knowledge');
    assert.match(page.text, /全件同期: 追加 3、更新 0、削除 0/);
    assert.match(page.text, /<td>setup.exe<\/td>\s*<td>未対応の形式<\/td>/);
    assert.match(page.text, /アプリのシークレット（証明書）の有効期限: 2099-12-31/);
  });

  it('continues from the saved deltaLink: a deleted item leaves the index, a changed one is updated', async () => {
    const before = graph.deltaRequests().length;
    graph.remove('a');
    graph.put(
      'b',
      'マニュアル',
      '庁舎案内.html',
      '<h1>庁舎案内</h1><p>議会棟の会議室は議会事務局（内線 5252）で予約します。</p>',
    );
    await sync();
    const calls = graph.deltaRequests().slice(before);
    assert.equal(calls.length, 1);
    assert.match(calls[0].url, /token=\d+/);
    const s = await status();
    assert.deepEqual([s.result?.full, s.result?.added, s.result?.updated, s.result?.deleted], [false, 0, 1, 1]);
    const answer = await ask('在宅勤務用ノートPCの貸出はどこで受け付けていますか');
    assert.doesNotMatch(answer.answer, /内線 4411/);
    const rows = await kotae.app.dataSource.query(`SELECT "deltaLink" FROM "sharepoint_drive"`);
    assert.match(rows[0].deltaLink, new RegExp(`/drives/${DRIVE_ID.replace('!', '\\!')}/root/delta\\?token=\\d+$`));
  });

  it('resyncs in full when the delta token expired (410)', async () => {
    graph.expireTokens = true;
    const before = graph.deltaRequests().length;
    await sync();
    const calls = graph.deltaRequests().slice(before);
    assert.equal(calls[0].status, 410);
    assert.ok(calls.slice(1).every((c) => c.status === 200 && !/token=/.test(c.url)));
    const s = await status();
    assert.deepEqual([s.result?.ok, s.result?.full, s.result?.added, s.result?.deleted], [true, true, 0, 0]);
    graph.expireTokens = false;
  });

  it('keeps the previous index serving and shows the error when Graph is down', async () => {
    graph.down = true;
    await sync();
    const s = await status();
    assert.equal(s.result?.ok, false);
    const answer = await ask('議会棟の会議室は議会事務局で予約しますか');
    assert.match(JSON.stringify(answer), /議会事務局（内線 5252）/);
    const admin = await signInConsole(kotae.url, 'admin', 'e2e-admin-password');
    const page = await admin.get('/console/knowledge');
    assert.match(page.text, /同期に失敗しました（以前のナレッジで回答を続けています）/);
    graph.down = false;
  });
});
