/** `kotae eval` as a user runs it, on a small fictional FAQ set written for this test. */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startOpenAiServer } from '../fakes/openai-compatible-server';
import { tempDir } from '../helpers/temp-dir';

const BIN = path.join(__dirname, '..', '..', 'bin', 'kotae.js');
const ROOT = path.join(__dirname, '..', '..');

const FAQ: Record<string, [string, string]> = {
  d1: ['パスワードを忘れました。', 'ヘルプデスクでパスワードを初期化します。職員番号を伝えてください。'],
  d2: ['パスワードの有効期限はいつですか。', '90日です。期限の7日前から通知が表示されます。'],
  d3: ['VPNに接続できません。', '在宅勤務用のVPNクライアントを再起動し、証明書の期限を確認してください。'],
  d4: ['プリンタで印刷できません。', '複合機の電源と用紙を確認し、印刷キューを削除してください。'],
  d5: ['共有フォルダにアクセスできません。', 'ファイルサーバへのアクセス権を所属長が申請してください。'],
  d6: ['LGWANメールの容量を増やしたい。', 'メールボックスの上限は2GBです。古いメールを削除してください。'],
  d7: ['ウイルス対策ソフトの警告が出ました。', 'LANケーブルを抜いてからヘルプデスクに連絡してください。'],
  d8: ['Teamsの会議に参加できません。', '会議のURLを開き直し、ブラウザ版で参加してください。'],
};
const QUERIES: Record<string, string> = {
  q1: 'パスワードがわからなくなった',
  q2: '在宅でVPNがつながらない',
  q3: '複合機から印刷できない',
  q4: 'ファイルサーバの共有フォルダが開けない',
  q5: 'メールボックスがいっぱい',
  q6: 'ウイルスの警告が表示された',
};
const QRELS: Record<string, Record<string, number>> = {
  q1: { d1: 2, d2: 1 },
  q2: { d3: 2 },
  q3: { d4: 2 },
  q4: { d5: 2 },
  q5: { d6: 2 },
  q6: { d7: 2 },
};

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'eval', ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('kotae eval', function () {
  this.timeout(120_000);
  const tmp = tempDir('kotae-eval-');
  const file = (name: string, value: unknown): string => {
    const p = path.join(tmp.dir, name);
    fs.writeFileSync(p, typeof value === 'string' ? value : JSON.stringify(value));
    return p;
  };
  const corpus = file(
    'corpus.json',
    Object.fromEntries(Object.entries(FAQ).map(([id, [q, a]]) => [id, `Question: ${q}\nAnswer: ${a}`])),
  );
  const queries = file('queries.json', QUERIES);
  const qrels = file('qrels.json', QRELS);
  const files = ['--corpus', corpus, '--queries', queries, '--qrels', qrels];
  after(() => tmp.cleanup());

  it('prints one JSON object with the metrics, the baseline under the same keys, and the abstain figures', async () => {
    const { code, stdout, stderr } = await run([...files, '--json', '--abstain']);
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as Record<string, unknown> & { baseline: Record<string, unknown> };
    const keys = [
      'queries',
      'ndcg@10',
      'recall@1',
      'recall@5',
      'recall@10',
      'mrr@10',
      'latency_ms',
      'build_s',
      'rss_mb',
    ];
    for (const k of keys) {
      assert.ok(k in report, `missing ${k}`);
      assert.ok(k in report.baseline, `baseline is missing ${k}`);
    }
    assert.equal(report.queries, 6);
    for (const k of ['ndcg@10', 'recall@1', 'recall@5', 'recall@10', 'mrr@10']) {
      for (const v of [report[k], report.baseline[k]]) assert.ok(typeof v === 'number' && v >= 0 && v <= 1, k);
    }
    // Every query has one obvious FAQ: the hybrid index finds all of them first.
    assert.equal(report['mrr@10'], 1);
    const latency = report.latency_ms as { p50: number; p95: number };
    assert.ok(latency.p50 >= 0 && latency.p95 >= latency.p50);
    const abstain = report.abstain as Record<string, number>;
    for (const k of [
      'answerable',
      'unanswerable',
      'answerable_answered_rate',
      'unanswerable_abstained_rate',
      'answerable_shown_rate',
      'unanswerable_declined_rate',
      'auroc',
      'ece',
    ])
      assert.equal(typeof abstain[k], 'number', k);
    assert.equal(abstain.answerable + abstain.unanswerable, 6);
    // Tentative answers are counted apart: answered + tentative shows at least what answered alone does,
    // and declining (neither answered nor tentative) is stricter than abstaining (not answered).
    assert.ok(abstain.answerable_shown_rate >= abstain.answerable_answered_rate);
    assert.ok(abstain.unanswerable_declined_rate <= abstain.unanswerable_abstained_rate);
  });

  it('prints a readable table without --json', async () => {
    const { code, stdout } = await run(files);
    assert.equal(code, 0);
    assert.match(stdout, /ndcg@10 +\d\.\d{4} +\d\.\d{4}/);
    assert.match(stdout, /rss MB +\d+ +\d+/);
  });

  it('measures the policy with a chat model reading the sources (--answer-model, loopback server)', async () => {
    // A judge that knows each question's grade-2 FAQ: it answers citing that FAQ when it is among
    // the sources shown, and says the sources hold no answer otherwise.
    type Body = { model: string; messages: { role: string; content: string }[] };
    const server = await startOpenAiServer<Body>((body) => {
      const prompt = body.messages[1]?.content ?? '';
      const question = /^質問:\n(.*)$/m.exec(prompt)?.[1] ?? '';
      const id = Object.keys(QUERIES).find((q) => QUERIES[q] === question);
      const doc = Object.entries(QRELS[id ?? ''] ?? {}).find(([, g]) => g === 2)?.[0];
      const sources = prompt.split(/\n(?=\[\d+\] )/).filter((block) => block.startsWith('['));
      const n = doc ? sources.findIndex((block) => block.includes(FAQ[doc]![1])) + 1 : 0;
      const content = n > 0 ? `${FAQ[doc!]![1]}[${n}]` : '資料に記載がありません';
      return {
        id: 'c',
        object: 'chat.completion',
        created: 0,
        model: body.model,
        choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }],
      };
    });
    try {
      const env = {
        KOTAE_ANSWER_MODEL: 'openai',
        KOTAE_OPENAI_BASE_URL: server.url,
        KOTAE_OPENAI_API_KEY: 'test-key',
        KOTAE_OPENAI_CHAT_MODEL: 'judge-model',
        // The judge reads the answered FAQs too (by default they are sent verbatim without the model).
        KOTAE_FAQ_VERBATIM: 'false',
      };
      const { code, stdout, stderr } = await run([...files, '--json', '--answer-model'], env);
      assert.equal(code, 0, stderr);
      const abstain = (JSON.parse(stdout) as { abstain: Record<string, unknown> }).abstain;
      const m = abstain.answer_model as Record<string, number | boolean>;
      assert.equal(m.check_sources, true);
      assert.equal(m.failed, 0);
      assert.ok(Number(m.asked) > 0 && server.calls.length === m.asked);
      assert.ok(server.calls.every((c) => c.body.model === 'judge-model' && c.auth === 'Bearer test-key'));
      // The hidden half's FAQs are gone: the judge finds no answer, so none of them is answered.
      assert.equal(m.unanswerable_abstained_rate, 1);
      assert.ok(Number(m.answerable_answered_rate) >= Number(abstain.answerable_answered_rate));
      const table = await run([...files, '--answer-model'], env);
      assert.match(
        table.stdout,
        /with the answer model \(check sources: true\): answerable answered & top-1 relevant \d/,
      );
    } finally {
      await server.close();
    }
  });

  it('explains a broken file and bad options instead of crashing', async () => {
    const broken = file('broken.json', '{"q1": ');
    const bad = await run(['--corpus', corpus, '--queries', broken, '--qrels', qrels]);
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /評価ファイルを読み込めません/);
    const notStrings = await run(['--corpus', file('numbers.json', { d1: 1 }), '--queries', queries, '--qrels', qrels]);
    assert.equal(notStrings.code, 1);
    assert.match(notStrings.stderr, /評価ファイルの形式が正しくありません/);
    const badGrades = await run(['--corpus', corpus, '--queries', queries, '--qrels', file('g.json', { q1: ['d1'] })]);
    assert.equal(badGrades.code, 1);
    assert.match(badGrades.stderr, /評価ファイルの形式が正しくありません/);
    const missing = await run(['--corpus', corpus, '--queries', queries]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /usage: kotae eval/);
    const tuning = await run([...files, '--tuning', '{"denseWeigth":1}']);
    assert.equal(tuning.code, 2);
    assert.match(tuning.stderr, /--tuning must be/);
    const noModel = await run([...files, '--answer-model']);
    assert.equal(noModel.code, 2);
    assert.match(noModel.stderr, /KOTAE_ANSWER_MODEL=openai/);
  });
});
