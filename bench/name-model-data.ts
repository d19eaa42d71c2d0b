/**
 * Data and training for the learned person-name reader (bench/name-model-features.ts; an experiment, not used by the masker: README 個人情報のマスキング, Session 35): kuromoji's tokens of the
 * labelled cases, a token's label (inside a labelled person name), and a logistic regression trained by AdaGrad.
 */
import path from 'node:path';
import { readPiiCases } from '../adapters/cli/eval-pii';
import {
  cleanUserText,
  createPiiMasker,
  maskFor,
  type PiiCase,
  type PiiMasker,
  type PiiSpan,
  type PiiType,
} from '../privacy';
import {
  allTokenFeatures,
  isCandidate,
  learnedNameSpans,
  withLearnedNames,
  type MorphToken,
  type NameModel,
} from './name-model-features';
import { unifyNameKanji } from '../privacy/name-kanji';
import { defaultDictPath } from '../knowledge/analyzer';
import { loadKuromoji } from '../knowledge/kuromoji-tokenizer';

/** The labelled cases of one batch (a number) or of the dev set ('dev'). */
export function readBatch(batch: number | 'dev'): PiiCase[] {
  const file = batch === 'dev' ? 'dev.jsonl' : `blind-${batch}.jsonl`;
  return readPiiCases(path.join('test/fixtures/pii', file));
}

/** Longest piece given to kuromoji at once (its lattice grows badly with long unbroken text). */
const SEGMENT = 500;

/** A tokenizer giving {@link MorphToken}s with offsets in the text, piece by piece. */
export async function createMorphTokenizer(): Promise<(text: string) => MorphToken[]> {
  const tokenizer = await loadKuromoji(defaultDictPath());
  return (text) => {
    const out: MorphToken[] = [];
    let start = 0;
    while (start < text.length) {
      let end = Math.min(text.length, start + SEGMENT);
      if (end < text.length) {
        const cut = text.slice(start, end).lastIndexOf('\n');
        if (cut > 0) end = start + cut + 1;
        else if (/[\uD800-\uDBFF]/u.test(text[end - 1] ?? '')) end--;
      }
      for (const t of tokenizer.tokenize(text.slice(start, end))) {
        const at = start + t.word_position - 1;
        const pos = [t.pos, t.pos_detail_1, t.pos_detail_2, t.pos_detail_3].join(',');
        out.push({ start: at, end: at + t.surface_form.length, surface: t.surface_form, pos });
      }
      start = end;
    }
    return out;
  };
}

/** One token to learn from: its features and whether it lies inside a labelled name. */
export interface Example {
  features: string[];
  positive: boolean;
}

/** Where each labelled person name stands in the text (every occurrence). */
function nameRanges(c: PiiCase): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const p of c.pii) {
    if (p.type !== 'person_name' || !p.value) continue;
    for (let at = c.text.indexOf(p.value); at >= 0; at = c.text.indexOf(p.value, at + 1))
      out.push([at, at + p.value.length]);
  }
  return out;
}

/**
 * The examples of the cases: each candidate token inside a name is positive, outside every name negative; a token
 * cut across a name's edge teaches nothing and is left out, and so is one the rules already read (`found`): the model
 * only ever adds names where no rule found anything, so it learns from what the rules leave.
 */
export function examplesOf(
  cases: readonly PiiCase[],
  tokenize: (text: string) => MorphToken[],
  found: (text: string) => Array<{ start: number; end: number }> = () => [],
): Example[] {
  const out: Example[] = [];
  for (const c of cases) {
    const tokens = tokenize(c.text);
    const names = nameRanges(c);
    const read = found(c.text);
    const features = allTokenFeatures(c.text, tokens);
    tokens.forEach((t, i) => {
      if (!isCandidate(t) || read.some((s) => s.start < t.end && t.start < s.end)) return;
      const inside = names.some(([s, e]) => s <= t.start && t.end <= e);
      const crosses = !inside && names.some(([s, e]) => t.start < e && s < t.end);
      if (!crosses) out.push({ features: features[i]!, positive: inside });
    });
  }
  return out;
}

/** A deterministic shuffle (mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Training settings: passes, AdaGrad step, L2 penalty, features seen fewer times are dropped. */
export interface TrainOptions {
  epochs: number;
  rate: number;
  l2: number;
  minCount: number;
}

/** Trains a logistic regression; weights rounded to 3 decimals, near-zero ones dropped (a small file). */
export function train(examples: readonly Example[], o: TrainOptions): NameModel {
  const counts = new Map<string, number>();
  for (const e of examples) for (const f of e.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let bias = 0;
  let biasG2 = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    for (const e of shuffled(examples, 17 + epoch)) {
      const fs = e.features.filter((f) => (counts.get(f) ?? 0) >= o.minCount);
      let z = bias;
      for (const f of fs) z += w.get(f) ?? 0;
      const g = 1 / (1 + Math.exp(-z)) - (e.positive ? 1 : 0);
      biasG2 += g * g;
      bias -= (o.rate * g) / Math.sqrt(biasG2 + 1e-8);
      for (const f of fs) {
        const wf = w.get(f) ?? 0;
        const gf = g + o.l2 * wf;
        const acc = (g2.get(f) ?? 0) + gf * gf;
        g2.set(f, acc);
        w.set(f, wf - (o.rate * gf) / Math.sqrt(acc + 1e-8));
      }
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, v] of [...w].sort(([a], [b]) => (a < b ? -1 : 1)))
    if (Math.abs(v) >= 0.02) weights[f] = Math.round(v * 1000) / 1000;
  return { bias: Math.round(bias * 1000) / 1000, threshold: 0.5, weights };
}

/** The masker with the model's names added last, where no rule found anything. */
export function withModel(
  base: (text: string) => Array<{ start: number; end: number }>,
  tokenize: (text: string) => MorphToken[],
  model: NameModel,
  threshold: number,
): PiiMasker {
  const rules = createPiiMasker({ nameTagger: base });
  const find = (text: string): PiiSpan[] => {
    const read = unifyNameKanji(text);
    const learned = learnedNameSpans(read, tokenize(read), model, threshold);
    return withLearnedNames(rules.find(text), learned, (s) => ({ type: 'person_name' as const, ...s }));
  };
  return {
    find,
    mask(raw) {
      const text = cleanUserText(raw);
      const types = new Set<PiiType>();
      let out = '';
      let at = 0;
      for (const s of find(text)) {
        out += text.slice(at, s.start) + maskFor(s.type);
        at = s.end;
        types.add(s.type);
      }
      return { text: out + text.slice(at), types: [...types], counts: {} };
    },
  };
}
