/**
 * Full index builds beside the serving process: a child process (index-build-child.ts) builds the new
 * generation, so that the 100–200 s and 0.4–0.8 GB of a 50k–100k chunk build never touch the process
 * answering questions; the parent only publishes the generation and swaps to it.
 */
import { fork } from 'node:child_process';
import path from 'node:path';
import { KotaeError } from '../core';
import type { IndexBuilder } from '../ingest';
import type { Chunk, IndexStats } from '../knowledge';
import type { KotaeConfig } from './config';

/** What the child is sent. */
export interface BuildRequest extends Pick<KotaeConfig, 'embeddings'> {
  chunks: Chunk[];
  dir: string;
  answerPrecision: number;
}

/** What the child answers: progress, then the stats or an error. */
export type BuildReply = { progress: { done: number; total: number } } | { stats: IndexStats } | { error: string };

/** An {@link IndexBuilder} that builds in a child process. */
export function buildInChildProcess(settings: Pick<KotaeConfig, 'embeddings' | 'answerPrecision'>): IndexBuilder {
  // The same file type as this one: .ts under tsx (tests, development), .js in the compiled build.
  const entry = path.join(__dirname, `index-build-child${path.extname(__filename)}`);
  return (chunks, dir, options) =>
    new Promise<IndexStats>((resolve, reject) => {
      const child = fork(entry, [], { execArgv: process.execArgv, serialization: 'advanced' });
      let settled = false;
      const fail = (why: string) => {
        if (settled) return;
        settled = true;
        reject(new KotaeError('INGEST_FAILED', `index build process: ${why}`));
      };
      child.on('message', (m: BuildReply) => {
        if ('progress' in m) options?.onProgress?.(m.progress.done, m.progress.total);
        else if ('error' in m) fail(m.error);
        else if (!settled) {
          settled = true;
          resolve(m.stats);
        }
      });
      child.on('error', (err) => fail(err.message));
      child.on('exit', (code, signal) => fail(`exited (${signal ?? code}) before the index was built`));
      const request: BuildRequest = {
        chunks,
        dir,
        embeddings: settings.embeddings,
        answerPrecision: settings.answerPrecision,
      };
      child.send(request);
    });
}
