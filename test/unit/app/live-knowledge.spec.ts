/**
 * An index generation that cannot be loaded: /healthz's `index` says so (unavailable, or stale while an
 * older generation serves), a question is refused with a Japanese message that says the knowledge cannot be
 * read (not "not ready yet"), the broken generation is not read again by every question, and a generation
 * published later is loaded at once.
 */
import assert from 'node:assert/strict';
import { INDEX_MESSAGES, LiveKnowledge, type LoadedKnowledge } from '../../../app/live-knowledge';
import { KotaeError } from '../../../core/errors';
import { MemoryLogger } from '../../../core/logger';

const stats = (builtAt: string) => ({ chunks: 2, documents: 1, builtAt, embedder: 'lsa' });

/** A source whose CURRENT can be moved; generations named in `broken` fail to open with `failure`. */
function source(failure: (dir: string) => Error) {
  const s = {
    current: undefined as string | undefined,
    broken: new Set<string>(),
    opened: [] as string[],
    currentDir: () => s.current,
    open: async (dir: string): Promise<LoadedKnowledge> => {
      s.opened.push(dir);
      if (s.broken.has(dir)) throw failure(dir);
      return {
        search: async () => ({ hits: [], confidence: 0.5 }),
        stats: () => stats(`built ${dir}`),
      };
    },
  };
  return s;
}

const hnswUnreadable = (dir: string) => new KotaeError('KB_INDEX_CORRUPT', `hnsw file unreadable: ${dir}/vectors.hnsw`);

/** The error a promise rejects with (fails the test when it resolves). */
async function rejection(p: Promise<unknown>): Promise<KotaeError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof KotaeError, String(err));
    return err;
  }
  assert.fail('expected a rejection');
}

describe('LiveKnowledge: an index that cannot be loaded', () => {
  it('reports it unavailable with the code and the generation, and refuses questions in Japanese', async () => {
    const src = source(hnswUnreadable);
    src.current = '/srv/kotae/data/index/gen-2';
    src.broken.add('/srv/kotae/data/index/gen-2');
    const logger = new MemoryLogger();
    const live = new LiveKnowledge(src, logger);
    const failed = await rejection(live.reload());
    assert.equal(failed.code, 'KB_INDEX_CORRUPT');
    const status = live.status();
    assert.equal(typeof status.error?.at, 'string');
    assert.deepEqual(
      { ...status, error: { ...status.error, at: undefined } },
      {
        ready: false,
        state: 'unavailable',
        error: {
          code: 'KB_INDEX_CORRUPT',
          message: INDEX_MESSAGES.loadFailed,
          detail: 'hnsw file unreadable: gen-2/vectors.hnsw',
          generation: 'gen-2',
          at: undefined,
        },
      },
    );

    const refused = await rejection(live.search('パスワードを忘れました'));
    assert.equal(refused.code, 'KB_INDEX_CORRUPT');
    assert.equal(refused.status, 503);
    assert.equal(
      refused.userMessage,
      'ナレッジを読み込めないため、現在は回答できません。お手数ですが、担当者にお問い合わせください。',
    );
    // The broken generation is not read again by each question (only after a pause).
    await rejection(live.search('VPNにつながりません'));
    assert.deepEqual(src.opened, ['/srv/kotae/data/index/gen-2']);
    assert.equal(live.unreadableGeneration(), '/srv/kotae/data/index/gen-2');
  });

  it('codes an unexpected failure while opening (a TypeError from malformed chunks) as KB_INDEX_CORRUPT', async () => {
    const src = source(() => new TypeError("Cannot read properties of null (reading 'title')"));
    src.current = '/data/index/gen-1';
    src.broken.add('/data/index/gen-1');
    const live = new LiveKnowledge(src, new MemoryLogger());
    const refused = await rejection(live.search('プリンターが動きません'));
    assert.equal(refused.code, 'KB_INDEX_CORRUPT');
    assert.equal(live.status().error?.code, 'KB_INDEX_CORRUPT');
    assert.equal(live.status().error?.detail, "Cannot read properties of null (reading 'title')");
  });

  it('says "not ready yet" only when no index was ever built', async () => {
    const src = source(hnswUnreadable);
    const live = new LiveKnowledge(src, new MemoryLogger());
    const refused = await rejection(live.search('パスワードを忘れました'));
    assert.equal(refused.code, 'KB_UNAVAILABLE');
    assert.equal(refused.userMessage, INDEX_MESSAGES.notBuilt);
    assert.deepEqual(live.status(), {
      ready: false,
      state: 'unavailable',
      error: { code: 'KB_UNAVAILABLE', message: INDEX_MESSAGES.missing },
    });
  });

  it('keeps serving the older generation when a newer one fails (stale), and is ok again once a good one loads', async () => {
    const src = source(hnswUnreadable);
    src.current = '/data/index/gen-1';
    const live = new LiveKnowledge(src, new MemoryLogger());
    await live.reload();
    src.current = '/data/index/gen-2';
    src.broken.add('/data/index/gen-2');
    await rejection(live.reload());
    const stale = live.status();
    assert.equal(stale.ready, true);
    assert.equal(stale.state, 'stale');
    assert.equal(stale.builtAt, 'built /data/index/gen-1');
    assert.equal(stale.error?.generation, 'gen-2');
    assert.equal(stale.error?.message, INDEX_MESSAGES.staleFailed);
    assert.equal((await live.search('質問')).confidence, 0.5);

    src.current = '/data/index/gen-3';
    await live.reload();
    assert.deepEqual(live.status(), { ready: true, state: 'ok', ...stats('built /data/index/gen-3') });
    assert.equal(live.unreadableGeneration(), undefined);
  });

  it('loads a generation published after the broken one at the next question, without waiting for the pause', async () => {
    const src = source(hnswUnreadable);
    src.current = '/data/index/gen-2';
    src.broken.add('/data/index/gen-2');
    const live = new LiveKnowledge(src, new MemoryLogger());
    await rejection(live.search('質問'));
    src.current = '/data/index/gen-3';
    assert.equal((await live.search('質問')).confidence, 0.5);
    assert.deepEqual(src.opened, ['/data/index/gen-2', '/data/index/gen-3']);
    assert.equal(live.status().state, 'ok');
  });
});
