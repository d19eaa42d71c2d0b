import { strict as assert } from 'node:assert';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildKnowledgeIndex, checkKnowledgeIndex, openKnowledgeIndex } from '../../../knowledge';
import { readBundle, writeBundle, type BundleArray } from '../../../knowledge/binary-bundle';
import type { Embedder } from '../../../knowledge/types';
import { itFaqChunks } from './fixtures/it-faq';
import { testAnalyzer } from './shared-analyzer';

/** Deterministic fake embedder: character-code histogram. */
class FakeEmbedder implements Embedder {
  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.vec(t));
  }
  async embedQuery(text: string): Promise<number[]> {
    return this.vec(text);
  }
  private vec(text: string): number[] {
    const v = new Array<number>(16).fill(0);
    for (const ch of text) v[ch.charCodeAt(0) % 16] += 1;
    return v;
  }
}

describe('knowledge index on disk', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'kotae-kb-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('builds, reports progress and reopens with identical results', async () => {
    const analyzer = await testAnalyzer();
    const progress: number[] = [];
    const stats = await buildKnowledgeIndex(itFaqChunks(), dir, {
      analyzer,
      onProgress: (done) => progress.push(done),
    });
    assert.equal(stats.chunks, 20);
    assert.equal(progress.at(-1), 20);
    const kb = await openKnowledgeIndex(dir, { analyzer, synonyms: 'curated' });
    assert.deepEqual(kb.stats(), stats);
    const r = await kb.search('パスワードを忘れた');
    assert.equal(r.hits[0].chunk.documentId, 'FAQ-0001');
    assert.equal(r.hits[0].chunk.fields.answer.length > 0, true);
  });

  it('uses an external embedder and requires it when opening', async () => {
    const analyzer = await testAnalyzer();
    const stats = await buildKnowledgeIndex(itFaqChunks(), dir, {
      analyzer,
      embedder: new FakeEmbedder(),
      embedderName: 'fake',
    });
    assert.equal(stats.embedder, 'fake');
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'CONFIG_INVALID' });
    const kb = await openKnowledgeIndex(dir, { analyzer, embedder: new FakeEmbedder(), synonyms: 'none' });
    assert.equal((await kb.search('OneDriveの同期が止まった')).hits[0].chunk.documentId, 'FAQ-0009');
  });

  it('reports an incomplete or corrupt directory as KB_INDEX_CORRUPT', async () => {
    const analyzer = await testAnalyzer();
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer });
    writeFileSync(path.join(dir, 'fields.bin'), Buffer.from('KOTAEBIN garbage'));
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer });
    writeFileSync(path.join(dir, 'chunks.json'), '[{"id":');
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer });
    unlinkSync(path.join(dir, 'vectors.hnsw'));
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
  });

  describe('checkKnowledgeIndex (without the text tools) refuses what openKnowledgeIndex refuses', () => {
    const file = (name: string) => path.join(dir, name);
    const halve = (name: string) => truncateSync(file(name), Math.floor(statSync(file(name)).size / 2));
    const damages: [string, () => void][] = [
      ['a truncated vectors.hnsw', () => halve('vectors.hnsw')],
      ['random bytes in vectors.hnsw', () => writeFileSync(file('vectors.hnsw'), Buffer.alloc(4096, 7))],
      ['no vectors.hnsw', () => unlinkSync(file('vectors.hnsw'))],
      ['broken JSON in chunks.json', () => writeFileSync(file('chunks.json'), '[{"id": "FAQ-')],
      ['chunks.json of nulls', () => writeFileSync(file('chunks.json'), JSON.stringify(new Array(20).fill(null)))],
      ['an empty chunks.json', () => writeFileSync(file('chunks.json'), '')],
      [
        'a manifest of format 99',
        () =>
          writeFileSync(
            file('manifest.json'),
            JSON.stringify({ ...JSON.parse(readFileSync(file('manifest.json'), 'utf8')), format: 99 }),
          ),
      ],
      ['no manifest.json', () => unlinkSync(file('manifest.json'))],
      ['a truncated fields.bin', () => halve('fields.bin')],
      ['a truncated lsa.bin', () => halve('lsa.bin')],
      ['a malformed readings.json', () => writeFileSync(file('readings.json'), '{"surfaces":{}}')],
      ['a garbage delta file', () => writeFileSync(file('delta-000001.bin'), 'KOTAEBIN garbage')],
    ];

    // One build, copied for each case.
    let built: string;
    before(async () => {
      built = mkdtempSync(path.join(tmpdir(), 'kotae-kb-built-'));
      await buildKnowledgeIndex(itFaqChunks(), built, { analyzer: await testAnalyzer(), calibrate: false });
    });
    after(() => rmSync(built, { recursive: true, force: true }));

    it('passes an intact index', () => {
      cpSync(built, dir, { recursive: true });
      checkKnowledgeIndex(dir);
    });

    for (const [name, damage] of damages) {
      it(`refuses ${name} with KB_INDEX_CORRUPT`, async () => {
        const analyzer = await testAnalyzer();
        cpSync(built, dir, { recursive: true });
        damage();
        assert.throws(() => checkKnowledgeIndex(dir), { code: 'KB_INDEX_CORRUPT' });
        await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
      });
    }
  });

  /** Rewrites fields.bin through `edit` (the bundle's arrays by name). */
  function editFields(edit: (arrays: Map<string, BundleArray>) => void): void {
    const file = path.join(dir, 'fields.bin');
    const { meta, arrays } = readBundle(file);
    edit(arrays);
    writeBundle(file, meta, Object.fromEntries(arrays));
  }

  it('saves the question lines, and analyses them at open for an index saved without them', async () => {
    const analyzer = await testAnalyzer();
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer });
    const query = 'パスワードの期限が切れた';
    const saved = await (await openKnowledgeIndex(dir, { analyzer })).searchExplained(query);
    editFields((arrays) => {
      for (const name of [...arrays.keys()]) if (name.startsWith('questionLines.')) arrays.delete(name);
    });
    const older = await (await openKnowledgeIndex(dir, { analyzer })).searchExplained(query);
    assert.deepEqual(
      older.hits.map((h) => [h.chunk.id, h.score]),
      saved.hits.map((h) => [h.chunk.id, h.score]),
    );
    assert.deepEqual(older.features, saved.features);
    assert.ok(saved.features.questionRecall > 0);
  });

  it('saves the kanji readings, and reads them at open for an index saved without them', async () => {
    const analyzer = await testAnalyzer();
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer, calibrate: false });
    const saved = JSON.parse(readFileSync(path.join(dir, 'readings.json'), 'utf8')) as { surfaces: [string][] };
    assert.ok(saved.surfaces.some(([reading]) => reading === 'きょうゆう'));
    const query = 'きょうゆうふぉるだにあくせすできない';
    const withSaved = await (await openKnowledgeIndex(dir, { analyzer })).searchExplained(query);
    assert.equal(withSaved.hits[0].chunk.documentId, 'FAQ-0010');
    unlinkSync(path.join(dir, 'readings.json'));
    const older = await (await openKnowledgeIndex(dir, { analyzer })).searchExplained(query);
    assert.deepEqual(
      older.hits.map((h) => [h.chunk.id, h.score]),
      withSaved.hits.map((h) => [h.chunk.id, h.score]),
    );
    assert.deepEqual(older.features, withSaved.features);
    writeFileSync(path.join(dir, 'readings.json'), '{"surfaces":{}}');
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
  });

  it('reports inconsistent question lines as KB_INDEX_CORRUPT', async () => {
    const analyzer = await testAnalyzer();
    await buildKnowledgeIndex(itFaqChunks(), dir, { analyzer });
    editFields((arrays) => arrays.set('questionLines.ids', Int32Array.from([1e9])));
    await assert.rejects(openKnowledgeIndex(dir, { analyzer }), { code: 'KB_INDEX_CORRUPT' });
  });
});
