/**
 * `npm run bench:incremental`: a knowledge folder of synthetic FAQ sheets (50k chunks by default, in
 * sheets of 1,000 rows) is ingested once in full; then, through the same path as the server
 * (`runIngest` with an in-place update of the loaded index), it times one FAQ added (a new row of a
 * small sheet, as a console approval writes it), the same FAQ edited, removed, and one sheet of
 * 1,000 rows with one row changed. Prints each figure with the load average. Not a test; run it by hand.
 * Usage: tsx bench/incremental.ts [chunks=50000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { MemoryLogger } from '../core/logger';
import { currentIndexDir, runIngest, type IndexUpdater } from '../ingest';
import {
  buildKnowledgeIndex,
  createJapaneseAnalyzer,
  createQueryExpander,
  openKnowledgeIndex,
  updateKnowledgeIndex,
  type HybridKnowledgeBase,
} from '../knowledge';
import type { Chunk } from '../knowledge/types';
import { syntheticChunks } from './synthetic-corpus';

const HEADER = 'id,category,question,alternate_questions,answer,source_url';
const SHEET_ROWS = 1000;

function cell(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

function row(id: string, c: Pick<Chunk, 'category' | 'title' | 'fields'>): string {
  const answer = c.fields.answer || c.fields.body;
  return [id, c.category ?? 'その他', c.fields.question || c.title, '', answer, ''].map(cell).join(',');
}

function writeSheet(file: string, rows: string[]): void {
  fs.writeFileSync(file, [HEADER, ...rows].join('\n') + '\n');
}

async function main(argv: string[]): Promise<void> {
  const count = Number(argv[0] ?? 50_000);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotae-bench-incremental-'));
  const src = path.join(root, 'kb');
  const dataDir = path.join(root, 'data');
  fs.mkdirSync(src);
  const mb = (): number => Math.round(process.memoryUsage().rss / 2 ** 20);
  const load = (): string =>
    os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
  try {
    const rows = syntheticChunks(count).map((c, i) => row(`FAQ-${String(i).padStart(6, '0')}`, c));
    const sheets: string[][] = [];
    for (let i = 0; i < rows.length; i += SHEET_ROWS) sheets.push(rows.slice(i, i + SHEET_ROWS));
    sheets.forEach((s, i) => writeSheet(path.join(src, `faq-${String(i).padStart(3, '0')}.csv`), s));
    const approved = path.join(src, 'faq-approved.csv');
    writeSheet(approved, [
      row('FAQ-A0001', {
        category: 'その他',
        title: '',
        fields: { question: '名札の再発行', answer: '総務課で受け付けます。', body: '' },
      }),
    ]);
    console.log(`chunks: ${count + 1} in ${sheets.length + 1} sheets; cpus ${os.cpus().length}; load ${load()}`);

    const analyzer = await createJapaneseAnalyzer();
    const expander = await createQueryExpander(analyzer, 'curated+sudachi');
    const logger = new MemoryLogger();
    let started = performance.now();
    await runIngest({
      sourceDir: src,
      dataDir,
      logger,
      build: (chunks, dir) => buildKnowledgeIndex(chunks, dir, { analyzer, expander, calibrate: false }),
    });
    console.log(
      `full build (in this process, no calibration): ${((performance.now() - started) / 1000).toFixed(1)} s, rss ${mb()} MB`,
    );
    const dir = currentIndexDir(dataDir) as string;
    started = performance.now();
    const kb: HybridKnowledgeBase = await openKnowledgeIndex(dir, { analyzer, expander });
    console.log(`open: ${Math.round(performance.now() - started)} ms`);

    const cpuMs = (since: NodeJS.CpuUsage) => {
      const u = process.cpuUsage(since);
      return Math.round((u.user + u.system) / 1000);
    };
    const update: IndexUpdater = async (chunks, d) => {
      const t = performance.now();
      const cpu = process.cpuUsage();
      const done = await updateKnowledgeIndex(kb, d, chunks);
      console.log(`    in-place update of the index: ${Math.round(performance.now() - t)} ms (cpu ${cpuMs(cpu)} ms)`);
      return done && { added: done.added, removed: done.removed };
    };
    const timed = async (label: string, change: () => void, question: string, expect: RegExp | undefined) => {
      change();
      const t = performance.now();
      const cpu = process.cpuUsage();
      const summary = await runIngest({
        sourceDir: src,
        dataDir,
        logger,
        update,
        build: () => Promise.reject(new Error('no full build expected')),
      });
      const ms = performance.now() - t;
      const top = (await kb.search(question)).hits[0]?.chunk;
      const answered = expect ? expect.test(top?.fields.answer ?? '') : !/食堂/.test(top?.fields.answer ?? '');
      console.log(
        `${label}: ${Math.round(ms)} ms, cpu ${cpuMs(cpu)} ms (ingest + update; +${summary.updated?.added ?? 0} / -${summary.updated?.removed ?? 0} chunks), ` +
          `answers as expected: ${answered}; load ${load()}; rss ${mb()} MB`,
      );
    };
    const faq = (answer: string) =>
      row('FAQ-A0002', {
        category: 'その他',
        title: '',
        fields: { question: '職員食堂の営業時間を知りたい', answer, body: '' },
      });
    const approvedRows = () => fs.readFileSync(approved, 'utf8').trimEnd().split('\n').slice(1);
    await timed(
      'add one FAQ',
      () => writeSheet(approved, [...approvedRows(), faq('職員食堂は午前11時から午後2時まで営業します。')]),
      '職員食堂の営業時間',
      /午前11時/,
    );
    await timed(
      'edit it',
      () => writeSheet(approved, [approvedRows()[0], faq('職員食堂は午前11時30分から営業します。')]),
      '職員食堂の営業時間',
      /11時30分/,
    );
    await timed('remove it', () => writeSheet(approved, [approvedRows()[0]]), '職員食堂の営業時間', undefined);
    const sheet = path.join(src, 'faq-000.csv');
    await timed(
      'one changed sheet (1,000 rows, one edited)',
      () =>
        writeSheet(
          sheet,
          sheets[0].map((r, i) => (i === 0 ? r.replace(/","([^"]*)",""$/, '","$1 （改定）",""') : r)),
        ),
      '職員食堂の営業時間',
      undefined,
    );
    console.log(
      `delta files: ${fs.readdirSync(dir).filter((f) => f.startsWith('delta-')).length}; updates ${JSON.stringify(kb.stats().updates)}`,
    );
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
