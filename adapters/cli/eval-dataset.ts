/**
 * Reads an evaluation set in the BEIR-like JSON layout (corpus `{docId: "Question: …\nAnswer: …"}`,
 * queries `{queryId: text}`, qrels `{queryId: {docId: grade}}`) and turns the corpus into chunks
 * through the same path as real FAQ sheets.
 */
import { readFileSync } from 'node:fs';
import { KotaeError } from '../../core';
import { chunkDocuments, faqRowsToDocuments, type FaqRow } from '../../ingest';
import type { Chunk } from '../../knowledge';
import type { Judgments } from './eval-metrics';

/** A loaded evaluation set. */
export interface EvalDataset {
  corpus: Record<string, string>;
  queries: Record<string, string>;
  qrels: Record<string, Judgments>;
}

/** Loads and checks the three files. */
export function loadDataset(paths: { corpus: string; queries: string; qrels: string }): EvalDataset {
  return {
    corpus: readStringMap(paths.corpus),
    queries: readStringMap(paths.queries),
    qrels: readQrels(paths.qrels),
  };
}

/** Parses one corpus entry into an FAQ row. */
export function parseFaqEntry(id: string, text: string): FaqRow {
  const m = /^Question:\s*([\s\S]*?)\nAnswer:\s*([\s\S]*)$/.exec(text);
  return m ? { id, question: m[1].trim(), answer: m[2].trim() } : { id, question: text.trim(), answer: '' };
}

/** Corpus entries (optionally minus some ids) → FAQ rows → documents → chunks. */
export function corpusToChunks(
  corpus: Record<string, string>,
  sourcePath: string,
  exclude: ReadonlySet<string> = new Set(),
): Chunk[] {
  const rows = Object.entries(corpus)
    .filter(([id]) => !exclude.has(id))
    .map(([id, text]) => parseFaqEntry(id, text));
  return chunkDocuments(faqRowsToDocuments(rows, sourcePath));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new KotaeError('INPUT_INVALID', `cannot read evaluation file ${file}`, {
      cause: err,
      userMessage: `評価ファイルを読み込めません: ${file}`,
    });
  }
}

function readStringMap(file: string): Record<string, string> {
  const data = readJson(file);
  if (typeof data !== 'object' || data === null || Object.values(data).some((v) => typeof v !== 'string')) {
    throw new KotaeError('INPUT_INVALID', `evaluation file ${file} is not an object of strings`, {
      userMessage: `評価ファイルの形式が正しくありません: ${file}`,
    });
  }
  return data as Record<string, string>;
}

function readQrels(file: string): Record<string, Judgments> {
  const data = readJson(file);
  const isGrades = (v: unknown): boolean =>
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    Object.values(v).every((g) => typeof g === 'number' && Number.isFinite(g));
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.values(data).every(isGrades)) {
    throw new KotaeError('INPUT_INVALID', `evaluation file ${file} is not an object of {docId: grade} objects`, {
      userMessage: `評価ファイルの形式が正しくありません: ${file}`,
    });
  }
  return data as Record<string, Judgments>;
}
