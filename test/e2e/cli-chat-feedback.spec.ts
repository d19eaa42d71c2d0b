/**
 * `kotae chat` names the answer it shows, as the web chat's buttons do: /yes, /no and a candidate number send that
 * answer's question id (`questionId`, `choiceOf`), so once the answer is no longer the conversation's latest unrated
 * exchange (another tab asked meanwhile, or it was rated) the reply is the expired wording and nothing is written,
 * instead of rating the latest question. Run as a user runs it (`node bin/kotae.js chat`), against a running
 * server (the data folder is in use: the chat talks to its API) and on its own (the bot in-process).
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

const BIN = path.join(__dirname, '..', '..', 'bin', 'kotae.js');
const ROOT = path.join(__dirname, '..', '..');
const THANKS = 'ご回答ありがとうございました。お役に立ててうれしいです。';
const EXPIRED = 'この選択肢は有効期限が切れています。お手数ですが、もう一度質問してください。';
const CLARIFY = 'パスワード';
const FIRST = 'パスワードを忘れてしまいました';
const OTHER_TAB = '「アカウントがロックされています」と表示されてログインできません。';

/** A `kotae chat` child: `say` types a line and resolves with the reply it printed. */
function chat(env: Record<string, string>): {
  say(line: string): Promise<string>;
  exit(): Promise<{ code: number; stderr: string }>;
} {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [BIN, 'chat'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, KOTAE_SCHEDULER: 'false', ...env },
  });
  let stdout = '';
  let stderr = '';
  let waiting: (() => void) | undefined;
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    waiting?.();
  });
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const replies = () => stdout.split('Kotae> ').slice(1);
  return {
    async say(line) {
      const before = replies().length;
      child.stdin.write(`${line}\n`);
      // A reply is complete once the next prompt follows it.
      while (!(replies().length > before && replies()[before]!.includes('あなた> '))) {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`no reply to ${line}: ${stdout}\n${stderr}`)), 60_000);
          waiting = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      return replies()[before]!.split('あなた> ')[0]!.trimEnd();
    },
    async exit() {
      child.stdin.end('/exit\n');
      return { code: await closed, stderr };
    },
  };
}

describe('kotae chat names the answer it rates or picks from (child process)', function () {
  this.timeout(180_000);

  describe('against a running server (its data folder in use)', () => {
    let kotae: RunningApp;
    before(async () => {
      kotae = await startApp();
    });
    after(() => kotae?.stop());

    const questions = () =>
      kotae.app.dataSource
        .getRepository<{ id: string; conversationId: string; text: string; askedAt: Date }>('question')
        .find({ order: { askedAt: 'ASC' } });
    const feedback = () =>
      kotae.app.dataSource
        .getRepository<{ questionId: string | null; resolved: boolean; createdAt: Date }>('feedback')
        .find({ order: { createdAt: 'ASC' } });

    it('gets the expired wording under an answer another tab moved past, and rates the answer it shows', async () => {
      const cli = chat({ KOTAE_DATA_DIR: kotae.dataDir, KOTAE_PUBLIC_URL: kotae.url });
      const clarify = await cli.say(CLARIFY);
      assert.match(clarify, /\n {2}1\. パスワードを忘れてパソコンにログインできません。\n/);
      const [asked] = await questions();
      assert.equal(asked!.text, CLARIFY);
      // Another tab of the same conversation asks: the chat's answer is no longer the latest exchange.
      const other = await kotae.app.helpdesk.ask({
        conversationId: asked!.conversationId,
        channel: 'web',
        text: OTHER_TAB,
      });
      assert.equal(await cli.say('1'), EXPIRED);
      assert.equal(await cli.say('/yes'), EXPIRED);
      assert.deepEqual(
        (await questions()).map((q) => q.id),
        [asked!.id, other.questionId],
      );
      assert.deepEqual(await feedback(), []);

      // A new answer: /yes rates it, a second /no is expired (already rated).
      assert.match(await cli.say(FIRST), /パスワード/);
      const latest = (await questions()).at(-1)!;
      assert.deepEqual([latest.text, latest.conversationId], [FIRST, asked!.conversationId]);
      assert.equal(await cli.say('/yes'), THANKS);
      assert.equal(await cli.say('/no'), EXPIRED);
      assert.deepEqual(
        (await feedback()).map((f) => [f.questionId, Boolean(f.resolved)]),
        [[latest.id, true]],
      );
      const { code, stderr } = await cli.exit();
      assert.equal(code, 0, stderr);
    });
  });

  describe('on its own (the bot in-process)', () => {
    const data = tempDir('kotae-cli-chat-');
    after(() => data.cleanup());

    it('rates the answer it shows once; /no after it is expired and writes nothing', async () => {
      const cli = chat({ KOTAE_DATA_DIR: data.dir });
      assert.match(await cli.say(FIRST), /パスワード/);
      assert.equal(await cli.say('/yes'), THANKS);
      assert.equal(await cli.say('/no'), EXPIRED);
      // The candidates of a clarify answer still work while it is the latest.
      const clarify = await cli.say(CLARIFY);
      assert.match(clarify, /\n {2}1\. パスワードを忘れてパソコンにログインできません。\n/);
      assert.doesNotMatch(await cli.say('1'), /有効期限/);
      const { code, stderr } = await cli.exit();
      assert.equal(code, 0, stderr);
      const db = new Database(path.join(data.dir, 'kotae.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT "text", "id" FROM "question" ORDER BY "askedAt"').all() as {
          text: string;
          id: string;
        }[];
        assert.deepEqual(
          rows.map((q) => q.text),
          [FIRST, CLARIFY, 'パスワードを忘れてパソコンにログインできません。'],
        );
        assert.deepEqual(db.prepare('SELECT "questionId", "resolved" FROM "feedback"').all(), [
          { questionId: rows[0]!.id, resolved: 1 },
        ]);
      } finally {
        db.close();
      }
    });
  });
});
