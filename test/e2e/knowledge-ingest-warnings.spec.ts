/**
 * An upload from the console whose ingest warns (a CSV row with an unquoted comma) and skips (a broken PDF):
 * the knowledge page lists both in Japanese, as `kotae ingest` prints them, and still does after a restart
 * (the run is kept in job_run, job `ingest`).
 */
import assert from 'node:assert/strict';
import { formKey, signInConsole, type ConsoleSession } from '../helpers/console-client';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const CSV = 'question,answer\n出張の交通費の上限はいくらですか,1日上限1,000円です。\n';
/** The CSV warning as `kotae ingest` prints it, HTML-escaped as the page shows it. */
const WARNING =
  '見出し（2列）より列が多い行です（3列）。引用符（&quot;）で囲まれていないカンマがないか確認してください（はみ出した部分は最後の列の「回答」に含めました）';

/** Posts the console's upload form with `files` like a browser (CSRF token and one-time key first). */
async function upload(app: RunningApp, s: ConsoleSession, files: { name: string; content: string }[]) {
  const page = (await s.get('/console/knowledge')).text;
  const form = new FormData();
  form.append('_csrf', /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '');
  form.append('_key', formKey(page, '/knowledge/documents') ?? '');
  for (const f of files) form.append('file', new Blob([Buffer.from(f.content)]), f.name);
  return fetch(`${app.url}/console/knowledge/documents`, {
    method: 'POST',
    headers: { cookie: s.cookie },
    body: form,
    redirect: 'manual',
  });
}

/** The rows of the table with class `cls` on the page, as [path, reason]. */
function rows(page: string, cls: string): string[][] {
  const table = new RegExp(`<table class="${cls}">([\\s\\S]*?)</table>`).exec(page)?.[1] ?? '';
  return [...table.matchAll(/<tr>\s*<td>([^<]*)<\/td>\s*<td>([^<]*)<\/td>\s*<\/tr>/g)].map((m) => [m[1]!, m[2]!]);
}

describe('ingest warnings of a console upload on the knowledge page', function () {
  this.timeout(240_000);
  const data = tempDir('kotae-ingest-warnings-');
  let app: RunningApp | undefined;
  after(async () => {
    await app?.stop();
    data.cleanup();
  });
  const start = () => startApp({ KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });

  it('lists the CSV row to check and the skipped PDF, and still does after a restart', async () => {
    app = await start();
    const admin = await signInConsole(app.url, 'admin', 'e2e-admin-password');
    const res = await upload(app, admin, [
      { name: '交通費.csv', content: CSV },
      { name: '壊れた.pdf', content: '%PDF-1.4 broken' },
    ]);
    assert.equal(res.status, 303);
    for (let i = 0; i < 600 && app.app.knowledgeJobs.ingest.status().state === 'running'; i += 1)
      await new Promise((r) => setTimeout(r, 100));
    const job = app.app.knowledgeJobs.ingest.status();
    assert.equal(job.state, 'done', job.error);

    const check = (page: string) => {
      assert.match(page, /<p class="ingest-state">取り込みが完了しました。<\/p>/);
      assert.match(page, /<caption>\s*取り込みましたが確認が必要なファイル・行（1件）\s*<\/caption>/);
      assert.deepEqual(rows(page, 'ingest-warnings'), [['@uploads/交通費.csv:2', WARNING]]);
      assert.match(page, /<caption>\s*スキップしたファイル・行（1件）\s*<\/caption>/);
      assert.deepEqual(rows(page, 'skipped'), [['@uploads/壊れた.pdf', '壊れたPDF']]);
      assert.doesNotMatch(page, /class="more-items"/);
    };
    check((await admin.get('/console/knowledge')).text);

    await app.stop();
    app = await start();
    const again = await signInConsole(app.url, 'admin', 'e2e-admin-password');
    assert.equal(app.app.knowledgeJobs.ingest.status().state, 'idle');
    check((await again.get('/console/knowledge')).text);
  });
});
