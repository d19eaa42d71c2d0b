/**
 * langchain's RecursiveCharacterTextSplitter tuned for Japanese prose: split at paragraphs,
 * lines, then sentences (。) and clauses (、), keeping each separator at the end of its piece
 * (langchain would move 「。」 to the start of the next sentence).
 */
import type * as TextSplitters from '@langchain/textsplitters';

/** Target chunk length in characters; about one short manual section. */
export const CHUNK_SIZE = 400;
/** Characters repeated between neighbouring chunks so a sentence cut at the edge keeps context. */
export const CHUNK_OVERLAP = 50;

/** Separators from coarse to fine; '' falls back to single characters. */
export const JAPANESE_SEPARATORS: readonly string[] = ['\n\n', '\n', '。', '！', '？', '、', ''];

/** Splits text into chunks (langchain's TextSplitter surface that ingest uses). */
export interface TextSplitter {
  splitText(text: string): Promise<string[]>;
}

/**
 * A recursive splitter that cuts after separators instead of before them. langchain (with
 * @langchain/core and langsmith, about 250 modules) loads with the first split, not with the server.
 */
export function createJapaneseTextSplitter(options: { chunkSize?: number; chunkOverlap?: number } = {}): TextSplitter {
  const { RecursiveCharacterTextSplitter } = require('@langchain/textsplitters') as typeof TextSplitters;
  class JapaneseTextSplitter extends RecursiveCharacterTextSplitter {
    protected override splitOnSeparator(text: string, separator: string): string[] {
      // Array.from keeps surrogate pairs (𠮷) whole.
      if (separator === '') return Array.from(text);
      const escaped = separator.replace(/[/\-\\^$*+?.()|[\]{}]/g, '\\$&');
      return text.split(new RegExp(`(?<=${escaped})`)).filter((s) => s !== '');
    }
  }
  return new JapaneseTextSplitter({
    chunkSize: options.chunkSize ?? CHUNK_SIZE,
    chunkOverlap: options.chunkOverlap ?? CHUNK_OVERLAP,
    separators: [...JAPANESE_SEPARATORS],
    keepSeparator: true,
  });
}
