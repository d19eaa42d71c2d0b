/**
 * Two Kotae instances on one PostgreSQL database: each names itself in /healthz with the job
 * leases it holds, and a job lease taken by one is refused to the other until released; an FAQ
 * approved on one answers on the other within 10 s.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, dropTestDatabase, postgresServer, type PgServer, pgAppEnv } from '../helpers/postgres';
import { postJson, startApp, type RunningApp } from '../helpers/start-app';
import { tempDir } from '../helpers/temp-dir';

interface Health {
  ok: boolean;
  instance: { id: string; leases: string[] };
}

async function health(app: RunningApp): Promise<Health> {
  const res = await fetch(`${app.url}/healthz`);
  assert.equal(res.status, 200);
  return (await res.json()) as Health;
}

describe('several instances on one PostgreSQL database', function () {
  this.timeout(120_000);
  let server: PgServer;
  let database: string;
  const kb = tempDir('kotae-instances-kb-');
  const keys = tempDir('kotae-instances-keys-');
  let one: RunningApp | undefined;
  let two: RunningApp | undefined;
  before(async () => {
    server = await postgresServer();
    database = await createTestDatabase(server);
    fs.copyFileSync(path.join(__dirname, '../../sample-kb/faq.csv'), path.join(kb.dir, 'faq.csv'));
    const env = {
      ...pgAppEnv(server, database),
      KOTAE_KB_DIR: kb.dir,
      // Every instance on one database shares the audit key (README 「監査ログ」).
      KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key'),
    };
    one = await startApp(env, { indexPollMs: 1000 });
    two = await startApp(env, { indexPollMs: 1000 });
  });
  after(async () => {
    await one?.stop();
    await two?.stop();
    await dropTestDatabase(server, database);
    kb.cleanup();
    keys.cleanup();
  });

  it('names each instance in /healthz with the leases it holds; a held lease is refused to the other', async () => {
    const a = one as RunningApp;
    const b = two as RunningApp;
    const [ha, hb] = [await health(a), await health(b)];
    assert.notEqual(ha.instance.id, hb.instance.id);
    assert.equal(ha.instance.id, a.app.leases.holder);
    // The first instance started runs the SLA watch (its lease); the second stands by for it.
    assert.deepEqual([ha.instance.leases, hb.instance.leases], [['sla-watch'], []]);

    const inside = await a.app.leases.run(
      'backup',
      async () => {
        const [whileA, whileB] = [await health(a), await health(b)];
        const refused = await b.app.leases.run('backup', async () => 'ran on two', 'refused on two');
        return { a: whileA.instance.leases, b: whileB.instance.leases, refused };
      },
      undefined,
    );
    assert.deepEqual(inside, { a: ['backup', 'sla-watch'], b: [], refused: 'refused on two' });
    assert.deepEqual((await health(a)).instance.leases, ['sla-watch']);
    assert.equal(await b.app.leases.run('backup', async () => 'ran on two', 'refused on two'), 'ran on two');
  });

  it('keeps one audit chain that both instances verify, with no key mismatch reported', async () => {
    await postJson(`${one!.url}/api/ask`, { question: 'VPNにつながらない' });
    await postJson(`${two!.url}/api/ask`, { question: 'パスワードを忘れた' });
    for (const instance of [one!, two!]) {
      const verdict = await instance.app.operators.accounts.verifyAudit();
      assert.equal(verdict.ok, true, JSON.stringify(verdict));
      assert.equal(
        instance.logger.lines.some((e) => e.msg.startsWith('the audit log was written with another key')),
        false,
      );
    }
  });

  it('answers on the other instance within 10 s with an FAQ approved on one', async () => {
    const a = one as RunningApp;
    const b = two as RunningApp;
    const question = '庁舎の屋上庭園は何時まで開いていますか';
    const answer = '屋上庭園は平日の午前9時から午後4時30分まで開いています（架空の案内）。';
    const ask = async () =>
      (await postJson(`${b.url}/api/ask`, { question })) as { status: number; body: { answer?: string } };
    assert.doesNotMatch(String((await ask()).body.answer), /屋上庭園は平日の午前9時/);
    const approvedAt = Date.now();
    await a.app.operators.faqs.createApproved(
      { category: 'その他', question, alternateQuestions: [], answer },
      'admin',
    );
    let reached: number | undefined;
    while (Date.now() - approvedAt < 10_000) {
      const res = await ask();
      if (res.status === 200 && String(res.body.answer).includes('屋上庭園は平日の午前9時')) {
        reached = Date.now() - approvedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    assert.ok(reached !== undefined, 'the FAQ did not reach the other instance within 10 s');
    console.log(`      FAQ approved on one instance answered on the other after ${reached} ms`);
  });
});
