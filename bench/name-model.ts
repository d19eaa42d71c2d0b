/**
 * Trains and measures the learned person-name reader (bench/name-model-features.ts; an experiment, not used by the masker: README 個人情報のマスキング, Session 35), held out by batch.
 *   npx tsx bench/name-model.ts --train-until 46 --out /tmp/name-model.json
 *     learns from blind batches 4..46 and dev.jsonl; the threshold is chosen on the training batches only (a model
 *     learned from 4..41 read with the rules on 42..46); it learns from the tokens the rules leave unless --all-tokens.
 *   npx tsx bench/name-model.ts --eval /tmp/name-model.json --batches 47,48,49,50,51,52
 *     counts [expected, found, masked, correct] per batch with the rules alone and with the model added.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createPersonNameTagger } from '../knowledge';
import { createPiiMasker, evaluatePii, type PiiCase, type PiiMasker, type PiiScore } from '../privacy';
import type { MorphToken, NameModel } from './name-model-features';
import { createMorphTokenizer, examplesOf, readBatch, train, withModel, type TrainOptions } from './name-model-data';

const OPTIONS: TrainOptions = { epochs: 6, rate: 0.1, l2: 1e-4, minCount: 2 };
const THRESHOLDS = [0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.98];
/** Largest precision loss (points) a threshold may cost on the validation batches. */
const MAX_PRECISION_LOSS = 0.5;

type Tokenize = (text: string) => MorphToken[];
type Tagger = (text: string) => Array<{ start: number; end: number }>;

function batches(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
}

function casesOf(list: ReadonlyArray<number | 'dev'>): PiiCase[] {
  return list.flatMap((b) => readBatch(b));
}

function counts(masker: PiiMasker, cases: readonly PiiCase[]): PiiScore {
  return evaluatePii(masker, cases).overall;
}

const pct = (x: number): string => (100 * x).toFixed(1);

/** Picks the threshold with the most recall on the validation cases, losing at most MAX_PRECISION_LOSS points. */
function chooseThreshold(base: Tagger, tokenize: Tokenize, model: NameModel, cases: readonly PiiCase[]): number {
  const before = counts(createPiiMasker({ nameTagger: base }), cases);
  let best = { threshold: 1.01, found: before.found };
  for (const threshold of THRESHOLDS) {
    const after = counts(withModel(base, tokenize, model, threshold), cases);
    const loss = 100 * (before.precision - after.precision);
    process.stderr.write(
      `  threshold ${threshold}: recall ${pct(before.recall)} → ${pct(after.recall)}, ` +
        `precision ${pct(before.precision)} → ${pct(after.precision)}\n`,
    );
    if (loss <= MAX_PRECISION_LOSS && after.found > best.found) best = { threshold, found: after.found };
  }
  return best.threshold;
}

/** `residual`: learn only from the tokens the rules leave (the model adds names only there). */
async function trainUntil(last: number, out: string, residual: boolean): Promise<void> {
  const tokenize = await createMorphTokenizer();
  const base = await createPersonNameTagger();
  const validation = batches(last - 4, last);
  process.stderr.write(`threshold: trained on 4..${last - 5} + dev, read on ${validation.join(',')}\n`);
  const rules = createPiiMasker({ nameTagger: base });
  const found = residual ? (text: string) => rules.find(text) : undefined;
  const first = train(examplesOf(casesOf([...batches(4, last - 5), 'dev']), tokenize, found), OPTIONS);
  const threshold = chooseThreshold(base, tokenize, first, casesOf(validation));
  const examples = examplesOf(casesOf([...batches(4, last), 'dev']), tokenize, found);
  const model = { ...train(examples, OPTIONS), threshold };
  const json = JSON.stringify(model);
  writeFileSync(out, json);
  const positives = examples.filter((e) => e.positive).length;
  process.stderr.write(
    `trained on 4..${last} + dev: ${examples.length} tokens (${positives} in names), ` +
      `${Object.keys(model.weights).length} weights, ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB, threshold ${threshold}\n`,
  );
}

async function evaluate(file: string, list: number[], threshold?: number): Promise<void> {
  const loadStart = performance.now();
  const model = JSON.parse(readFileSync(file, 'utf8')) as NameModel;
  const loadMs = performance.now() - loadStart;
  const tokenize = await createMorphTokenizer();
  const base = await createPersonNameTagger();
  const tagger = withModel(base, tokenize, model, threshold ?? model.threshold);
  console.log(`model ${file} (loaded in ${loadMs.toFixed(0)} ms), threshold ${threshold ?? model.threshold}`);
  console.log('batch  without [exp,found,masked,correct] R/P     with [exp,found,masked,correct] R/P');
  for (const b of list) {
    const cases = readBatch(b);
    const [x, y] = [counts(createPiiMasker({ nameTagger: base }), cases), counts(tagger, cases)];
    const row = (s: PiiScore): string =>
      `${JSON.stringify([s.expected, s.found, s.masked, s.correct])} ${pct(s.recall)}/${pct(s.precision)}`;
    console.log(`${b}  ${row(x)}   ${row(y)}`);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'train-until': { type: 'string' },
      out: { type: 'string' },
      eval: { type: 'string' },
      batches: { type: 'string' },
      threshold: { type: 'string' },
      'all-tokens': { type: 'boolean', default: false },
    },
  });
  if (values['train-until'] && values.out)
    await trainUntil(Number(values['train-until']), values.out, !values['all-tokens']);
  else if (values.eval && values.batches)
    await evaluate(
      values.eval,
      values.batches.split(',').map(Number),
      values.threshold ? Number(values.threshold) : undefined,
    );
  else throw new Error('usage: --train-until N --out FILE | --eval FILE --batches 47,48 [--threshold 0.9]');
}

void main();
