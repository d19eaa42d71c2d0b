/**
 * Person names from kuromoji's IPADIC tags for the personal-data masker: a family name (人名・姓)
 * directly followed by a given name (人名・名), e.g. 山田太郎 or 佐藤花子, without any honorific.
 * A lone family name is left to the masker's context rules (高橋 alone is also a place or a company).
 */
import kuromoji from 'kuromoji';
import { KotaeError } from '../core';
import { defaultDictPath } from './analyzer';

/** Spans [start, end) of full names in a text. */
export type NameSpans = (text: string) => Array<{ start: number; end: number }>;

type Tokenizer = kuromoji.Tokenizer<kuromoji.IpadicFeatures>;

/**
 * Loaded dictionaries by path. The tokenizer is immutable and takes ~76 MB of heap, so every app
 * (and every test app) in a process shares one instead of loading its own.
 */
const loaded = new Map<string, Promise<Tokenizer>>();

function loadTokenizer(dicPath: string): Promise<Tokenizer> {
  let tokenizer = loaded.get(dicPath);
  if (!tokenizer) {
    tokenizer = new Promise<Tokenizer>((resolve, reject) => {
      kuromoji.builder({ dicPath }).build((err, built) => {
        if (err) reject(new KotaeError('KB_UNAVAILABLE', 'kuromoji dictionary failed to load', { cause: err }));
        else resolve(built);
      });
    });
    tokenizer.catch(() => loaded.delete(dicPath));
    loaded.set(dicPath, tokenizer);
  }
  return tokenizer;
}

/** Builds the tagger (kuromoji's dictionary is loaded once per process and path). */
export async function createPersonNameTagger(options: { dictPath?: string } = {}): Promise<NameSpans> {
  const tokenizer = await loadTokenizer(options.dictPath ?? defaultDictPath());
  return (text: string) => {
    const spans: Array<{ start: number; end: number }> = [];
    // kuromoji's lattice grows badly with one long unbroken text (200,000 characters exhausted a 4 GB
    // heap): tag sentence by sentence, in pieces of at most SEGMENT characters.
    for (const segment of segments(text)) {
      const tokens = tokenizer.tokenize(text.slice(segment.start, segment.end));
      for (let i = 0; i + 1 < tokens.length; i++) {
        const family = tokens[i];
        const given = tokens[i + 1];
        if (!family || !given) continue;
        if (family.pos_detail_2 !== '人名' || family.pos_detail_3 !== '姓') continue;
        if (given.pos_detail_2 !== '人名' || given.pos_detail_3 !== '名') continue;
        const start = segment.start + family.word_position - 1;
        spans.push({ start, end: segment.start + given.word_position - 1 + given.surface_form.length });
        i++;
      }
    }
    return spans;
  };
}

/** Longest piece of text given to kuromoji at once. */
const SEGMENT = 500;

/** Sentence pieces of at most SEGMENT characters, cut after 。！？ or a line break when possible. */
function segments(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + SEGMENT);
    if (end < text.length) {
      const piece = text.slice(start, end);
      const cut = Math.max(
        piece.lastIndexOf('。'),
        piece.lastIndexOf('\n'),
        piece.lastIndexOf('！'),
        piece.lastIndexOf('？'),
      );
      if (cut > 0) end = start + cut + 1;
    }
    out.push({ start, end });
    start = end;
  }
  return out;
}
