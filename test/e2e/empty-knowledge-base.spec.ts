/**
 * A knowledge base that starts empty (cases/kb15): the first index has 0 chunks, and the first manual
 * uploaded, the first FAQ approved and a restart all work. hnswlib used to read the empty index back
 * with capacity 0 and fail the first update with "Not enough memory: resizeIndex failed to allocate
 * base layer" (after freeing its memory: the process later died in free()).
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { uploadsDir } from '../../app/knowledge-folders';
import { currentIndexDir } from '../../ingest';
import { deltaFiles } from '../../knowledge';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

async function ask(app: RunningApp, question: string): Promise<{ outcome: string; answer: string }> {
  const res = await postJson(`${app.url}/api/ask`, { question });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body as { outcome: string; answer: string };
}

describe('an empty knowledge base', function () {
  this.timeout(240_000);
  const kb = tempDir('kotae-empty-kb-');
  const data = tempDir('kotae-empty-data-');
  let app: RunningApp | undefined;
  after(async () => {
    await app?.stop();
    kb.cleanup();
    data.cleanup();
  });
  const start = () => startApp({ KOTAE_KB_DIR: kb.dir, KOTAE_DATA_DIR: data.dir }, { keepDataDir: true });

  it('takes a first upload, a first approved FAQ, and serves both after a restart', async () => {
    app = await start();
    assert.deepEqual(
      { ready: app.app.knowledge.live.status().ready, chunks: app.app.knowledge.live.status().chunks },
      { ready: true, chunks: 0 },
    );
    const generation = currentIndexDir(data.dir) as string;

    fs.mkdirSync(uploadsDir(data.dir), { recursive: true });
    fs.writeFileSync(
      path.join(uploadsDir(data.dir), 'プリンター.md'),
      '# 複合機のトナー交換\n\n交換用トナーは各複合機の横のキャビネットにあります。前面カバーを開けて交換してください。\n',
    );
    await app.app.knowledgeJobs.ingest.request('upload');
    const job = app.app.knowledgeJobs.ingest.status();
    assert.equal(job.state, 'done', job.error);
    assert.equal(job.summary?.chunks, 1);
    assert.match((await ask(app, '複合機のトナー交換はどうしますか')).answer, /キャビネット/);

    const draft = await app.app.operators.faqs.saveDraft(
      {
        category: 'その他',
        question: '庁舎の自転車置き場は何時に施錠されますか',
        alternateQuestions: [],
        answer: '毎日午後10時に施錠します。',
      },
      undefined,
      'admin',
    );
    await app.app.operators.faqs.approve(draft.id, draft.version, 'admin');
    assert.match((await ask(app, '自転車置き場は何時に施錠されますか')).answer, /午後10時/);
    assert.equal(currentIndexDir(data.dir), generation, 'updated in place');
    assert.deepEqual(deltaFiles(generation), ['delta-000001.bin', 'delta-000002.bin']);

    await app.stop();
    app = await start();
    assert.deepEqual(
      { ready: app.app.knowledge.live.status().ready, chunks: app.app.knowledge.live.status().chunks },
      { ready: true, chunks: 2 },
    );
    assert.equal(app.logger.lines.filter((l) => l.msg === 'knowledge index load failed').length, 0);
    assert.match((await ask(app, '複合機のトナー交換はどうしますか')).answer, /キャビネット/);
    assert.match((await ask(app, '自転車置き場は何時に施錠されますか')).answer, /午後10時/);
  });
});
