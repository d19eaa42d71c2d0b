/**
 * `kotae eval --pii FILE [--json] [--types a,b]`: recall and precision of the personal-data
 * masker (with kuromoji's person-name tagger, as in the app) per type on a JSON Lines file of labelled cases ({"id","text","pii":[{"type","value"}]}).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createPiiMasker, evaluatePii, isPiiType, PII_LABELS, type PiiCase, type PiiEvaluation } from '../../privacy';
import { createPersonNameTagger } from '../../knowledge';
import type { CommandIo } from './eval';

const USAGE = 'usage: kotae eval --pii FILE [--json] [--types my_number,phone,...] [--regex-only] [--show-errors]';

/** Reads the cases; throws with the line number of the first bad line. */
export function readPiiCases(file: string): PiiCase[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const cases: PiiCase[] = [];
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const raw = JSON.parse(line) as { id?: unknown; text?: unknown; pii?: unknown };
    const pii = Array.isArray(raw.pii) ? (raw.pii as Array<{ type?: unknown; value?: unknown }>) : undefined;
    if (
      typeof raw.text !== 'string' ||
      !pii ||
      pii.some((p) => typeof p.type !== 'string' || !isPiiType(p.type) || typeof p.value !== 'string')
    ) {
      throw new Error(`${file}:${i + 1}: expected {"id","text","pii":[{"type","value"}]} with known types`);
    }
    cases.push({
      id: typeof raw.id === 'string' ? raw.id : `line-${i + 1}`,
      text: raw.text,
      pii: pii as PiiCase['pii'],
    });
  });
  return cases;
}

function pct(x: number): string {
  return x.toFixed(3);
}

/** Plain-text table of an evaluation. */
export function formatPiiEvaluation(e: PiiEvaluation, showErrors: boolean): string {
  const rows = [`cases: ${e.cases}`, 'type              expected  recall  masked  precision'];
  for (const [t, s] of Object.entries(e.perType)) {
    const label = `${t} (${PII_LABELS[t as keyof typeof PII_LABELS]})`;
    rows.push(
      `${t.padEnd(18)}${String(s.expected).padStart(8)}  ${pct(s.recall)}  ${String(s.masked).padStart(6)}  ${pct(s.precision)}   ${label.slice(t.length + 1)}`,
    );
  }
  const o = e.overall;
  rows.push(
    `${'overall'.padEnd(18)}${String(o.expected).padStart(8)}  ${pct(o.recall)}  ${String(o.masked).padStart(6)}  ${pct(o.precision)}`,
  );
  if (showErrors) {
    for (const m of e.misses) rows.push(`miss ${m.id} ${m.type}: ${m.value}`);
    for (const f of e.falsePositives) rows.push(`false positive ${f.id} ${f.type}: ${f.text}`);
  }
  return rows.join('\n');
}

/** Runs the PII evaluation (with kuromoji's name tagger as the app does, unless --regex-only); returns the exit code. */
export async function runPiiEval(argv: string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        pii: { type: 'string' },
        json: { type: 'boolean', default: false },
        types: { type: 'string' },
        'show-errors': { type: 'boolean', default: false },
        'regex-only': { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  const types = args.types?.split(',').map((t) => t.trim());
  if (!args.pii || (types && !types.every(isPiiType))) {
    io.err(USAGE);
    return 2;
  }
  let cases: PiiCase[];
  try {
    cases = readPiiCases(args.pii);
  } catch (err) {
    io.err((err as Error).message);
    return 2;
  }
  const nameTagger = args['regex-only'] ? undefined : await createPersonNameTagger();
  const evaluation = evaluatePii(createPiiMasker({ types: types?.filter(isPiiType), nameTagger }), cases);
  if (args.json) io.out(JSON.stringify(evaluation, null, 2));
  else io.out(formatPiiEvaluation(evaluation, args['show-errors']));
  return 0;
}
