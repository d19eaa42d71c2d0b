/**
 * The words of each chunk's question lines (an FAQ's question and alternates, a section's title and
 * heading path), as content-field term ids, so that the rerank reads them instead of running
 * kuromoji on 20 candidates per query. Built with the index and saved in the fields bundle.
 */
import type { TextAnalyzer } from './analyzer';
import type { Bm25Field } from './bm25-field';
import { questionText } from './chunk-text';
import type { Chunk } from './types';

/** Typed-array form: chunk d's lines are `lineStarts` entries chunkLines[d]..chunkLines[d+1]−1. */
export interface QuestionLinesData {
  /** Per chunk (length chunks + 1): offsets into `lineStarts`. */
  chunkLines: Int32Array;
  /** Per line (length lines + 1): offsets into `ids`. */
  lineStarts: Int32Array;
  /** Distinct content-field term ids of each line. */
  ids: Int32Array;
}

/** Read access to {@link QuestionLinesData}. */
export class QuestionLines {
  constructor(readonly data: QuestionLinesData) {}

  /** Number of chunks covered. */
  get chunkCount(): number {
    return this.data.chunkLines.length - 1;
  }

  /** These lines followed by `more` (the chunks appended by an incremental update). */
  concat(more: QuestionLines): QuestionLines {
    const a = this.data;
    const b = more.data;
    const lineBase = a.lineStarts.length - 1;
    const chunkLines = new Int32Array(a.chunkLines.length + b.chunkLines.length - 1);
    chunkLines.set(a.chunkLines);
    for (let i = 1; i < b.chunkLines.length; i++) chunkLines[a.chunkLines.length - 1 + i] = lineBase + b.chunkLines[i];
    const lineStarts = new Int32Array(a.lineStarts.length + b.lineStarts.length - 1);
    lineStarts.set(a.lineStarts);
    for (let i = 1; i < b.lineStarts.length; i++) lineStarts[lineBase + i] = a.ids.length + b.lineStarts[i];
    const ids = new Int32Array(a.ids.length + b.ids.length);
    ids.set(a.ids);
    ids.set(b.ids, a.ids.length);
    return new QuestionLines({ chunkLines, lineStarts, ids });
  }

  /** Whether the arrays are consistent with `chunkCount` chunks and a vocabulary of `terms` terms. */
  isValidFor(chunkCount: number, terms: number): boolean {
    const { chunkLines, lineStarts, ids } = this.data;
    return (
      chunkLines.length === chunkCount + 1 &&
      chunkLines[0] === 0 &&
      chunkLines[chunkCount] === lineStarts.length - 1 &&
      lineStarts[0] === 0 &&
      lineStarts[lineStarts.length - 1] === ids.length &&
      isMonotonic(chunkLines) &&
      isMonotonic(lineStarts) &&
      ids.every((id) => id >= 0 && id < terms)
    );
  }
}

/** The analysed words of each question line of a chunk. */
export function questionLineWords(analyzer: TextAnalyzer, chunk: Chunk): string[][] {
  return questionText(chunk)
    .split('\n')
    .map((line) => analyzer.analyze(line).words);
}

/** Question lines from each chunk's line words (in chunk order), as term ids of `content`. */
export function questionLinesFromWords(perChunk: readonly (readonly string[][])[], content: Bm25Field): QuestionLines {
  const chunkLines = new Int32Array(perChunk.length + 1);
  const lineStarts = new GrowableInt32();
  const ids = new GrowableInt32();
  lineStarts.push(0);
  perChunk.forEach((lines, d) => {
    for (const words of lines) {
      const seen = new Set<number>();
      for (const w of words) {
        const id = content.termId(w);
        if (id >= 0 && !seen.has(id)) {
          seen.add(id);
          ids.push(id);
        }
      }
      lineStarts.push(ids.length);
    }
    chunkLines[d + 1] = lineStarts.length - 1;
  });
  return new QuestionLines({ chunkLines, lineStarts: lineStarts.toArray(), ids: ids.toArray() });
}

/** Analyses the question lines of every chunk (indexes saved before the lines were). */
export function buildQuestionLines(
  chunks: readonly Chunk[],
  analyzer: TextAnalyzer,
  content: Bm25Field,
): QuestionLines {
  return questionLinesFromWords(
    chunks.map((c) => questionLineWords(analyzer, c)),
    content,
  );
}

/** An Int32Array that grows by doubling (no boxed numbers for millions of ids). */
class GrowableInt32 {
  private buf = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.buf.length) {
      const next = new Int32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = x;
  }

  toArray(): Int32Array {
    return this.buf.slice(0, this.length);
  }
}

function isMonotonic(a: Int32Array): boolean {
  for (let i = 1; i < a.length; i++) if (a[i] < a[i - 1]) return false;
  return true;
}
