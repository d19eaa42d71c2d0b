/**
 * Probes the bundled IT-helpdesk sample KB: loads `sample-kb/` through the ingestion loaders and
 * splitter, builds an in-memory knowledge base with the production defaults, and prints the
 * outcome, confidence, features and top hit of each probe question. Not a test; run it by hand.
 * Usage: tsx bench/sample-kb-probe.ts [question ...]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { decideOutcome } from '../bot/answer-policy';
import { loaderFor, splitDocuments } from '../ingest';
import { createKnowledgeBase } from '../knowledge';
import type { Chunk } from '../knowledge';

const SAMPLE_KB = path.join(__dirname, '..', 'sample-kb');

/** The probe questions of the retrieval report: in scope first, then out of scope. */
export const PROBES: readonly string[] = [
  'パスワードを忘れた',
  'Wi-Fiにつながらない',
  'ﾌﾟﾘﾝﾀｰで印刷できない',
  'LGWANメールの添付ファイルを原本で受け取りたい',
  'Teams会議のライセンスを予約したい',
  '静脈認証がうまくいかない',
  '無線LANにつながらない',
  '明日の天気は？',
  'カレーの作り方を教えて',
  'おすすめの映画は？',
  '今日のランチどこがいい？',
];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const abs = path.join(dir, name);
    return statSync(abs).isDirectory() ? files(abs) : [abs];
  });
}

/** Chunks of the sample KB, as ingestion would produce them. */
export async function sampleKbChunks(root = SAMPLE_KB): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const abs of files(root)) {
    const relPath = path.relative(root, abs).split(path.sep).join('/');
    const loader = loaderFor(relPath);
    if (!loader || relPath === 'README.md') continue;
    const bytes = readFileSync(abs);
    const contentHash = createHash('sha256').update(bytes).digest('hex');
    const { documents } = await loader({ relPath, bytes, contentHash });
    chunks.push(...(await splitDocuments(documents)));
  }
  return chunks;
}

async function main(argv: string[]): Promise<void> {
  const kb = await createKnowledgeBase(await sampleKbChunks());
  for (const q of argv.length > 0 ? argv : PROBES) {
    const r = await kb.searchExplained(q, 3);
    const f = Object.entries(r.features)
      .map(([k, v]) => `${k}=${v.toFixed(2)}`)
      .join(' ');
    const top = r.hits[0]?.chunk;
    const title = top ? top.fields.question.split('\n')[0] || top.title : '-';
    console.log(
      `${q}\t${decideOutcome(r.confidence)}\t${r.confidence.toFixed(3)}\t${f}\t${top?.documentId ?? '-'} ${title}`,
    );
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
