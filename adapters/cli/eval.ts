/**
 * `kotae eval --corpus F --queries F --qrels F [--k 10] [--json] [--abstain [--answer-model]]`: builds
 * a knowledge base from an evaluation corpus through the FAQ ingestion path, runs the queries, and
 * compares with a plain kuromoji BM25 baseline built in the same run. `--answer-model` also runs the
 * abstention protocol with the configured chat model reading the sources, as the bot does.
 */
import { parseArgs } from 'node:util';
import { createChatModel } from '../../app';
import { loadConfigFromProcess } from '../../app';
import { toKotaeError } from '../../core';
import { createJapaneseAnalyzer, DEFAULT_TUNING, type SearchTuning } from '../../knowledge';
import { runAbstain, type AbstainModel } from './eval-abstain';
import { buildQaKnowledge, loadQaSet, qaReport, runQa } from './eval-qa';
import { loadDataset } from './eval-dataset';
import { formatReport } from './eval-format';
import { buildAbstainTarget, buildBaseline, buildCandidate, type EvalBuildOptions } from './eval-targets';
import { runRanking } from './eval-run';

/** Output sinks of a CLI command. */
export interface CommandIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const USAGE =
  'usage: kotae eval --qa-set FILE.jsonl [--kb FOLDER] [--detail] | kotae eval --corpus FILE --queries FILE --qrels FILE [--k 10] [--json] [--abstain [--answer-model]] [--synonyms none|curated|curated+sudachi] [--tuning JSON]';

/** Runs the command; returns the exit code. */
export async function runEvalCommand(argv: string[], io: CommandIo): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      options: {
        corpus: { type: 'string' },
        queries: { type: 'string' },
        qrels: { type: 'string' },
        k: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        abstain: { type: 'boolean', default: false },
        'answer-model': { type: 'boolean', default: false },
        synonyms: { type: 'string' },
        tuning: { type: 'string' },
        'qa-set': { type: 'string' },
        kb: { type: 'string' },
        detail: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    io.err(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args['qa-set']) return runQaSet(args['qa-set'], args.kb ?? 'sample-kb', args.detail, io);
  const k = Number(args.k);
  if (!args.corpus || !args.queries || !args.qrels || !Number.isInteger(k) || k < 1) {
    io.err(USAGE);
    return 2;
  }
  if (args.synonyms && !['none', 'curated', 'curated+sudachi'].includes(args.synonyms)) {
    io.err(`unknown --synonyms value: ${args.synonyms}\n${USAGE}`);
    return 2;
  }
  const tuning = parseTuning(args.tuning);
  if (tuning === null) {
    io.err(
      `--tuning must be a JSON object of search-tuning numbers, e.g. {"denseWeight":0.3} (keys: ${Object.keys(DEFAULT_TUNING).join(', ')})\n${USAGE}`,
    );
    return 2;
  }
  let withModel: AbstainModel | undefined;
  if (args['answer-model']) {
    try {
      const config = loadConfigFromProcess();
      const model = createChatModel(config);
      if (!model || config.answerModel.kind !== 'openai') {
        io.err(
          `--answer-model measures the chat model of KOTAE_ANSWER_MODEL=openai (see .env.example); none is configured\n${USAGE}`,
        );
        return 2;
      }
      withModel = { model, checkSources: config.answerModel.checkSources, faqVerbatim: config.faqVerbatim };
    } catch (err) {
      const e = toKotaeError(err);
      io.err(`${e.userMessage}\n${e.code}: ${e.message}`);
      return 2;
    }
  }
  try {
    const data = loadDataset({ corpus: args.corpus, queries: args.queries, qrels: args.qrels });
    const analyzer = await createJapaneseAnalyzer();
    const options: EvalBuildOptions = {
      analyzer,
      corpusPath: args.corpus,
      synonyms: args.synonyms as EvalBuildOptions['synonyms'],
      tuning,
    };
    // The baseline runs first: its resident size is then the analyzer plus its own index, and the
    // hybrid figure (measured after its own run) is not inflated by a second index built after it.
    const baselineBuild = await buildBaseline(data, options);
    const baseline = await runRanking(baselineBuild.target, data, k);
    const baselineRss = rssMb();
    const candidate = await buildCandidate(data, options);
    const main = await runRanking(candidate.target, data, k);
    const report: Record<string, unknown> = {
      ...main.metrics,
      build_s: candidate.buildSeconds,
      rss_mb: rssMb(),
      baseline: { ...baseline.metrics, build_s: baselineBuild.buildSeconds, rss_mb: baselineRss },
    };
    if (args.abstain || withModel) {
      const abstain = await buildAbstainTarget(data, options);
      report.abstain = await runAbstain(
        abstain.target,
        data,
        abstain.removed,
        undefined,
        withModel,
        abstain.calibration,
      );
    }
    io.out(args.json ? JSON.stringify(report) : formatReport(report));
    return 0;
  } catch (err) {
    const e = toKotaeError(err);
    io.err(`${e.userMessage}\n${e.code}: ${e.message}`);
    return 1;
  }
}

/** `--qa-set`: the staff-question protocol over a knowledge folder (eval-qa.ts); always JSON. */
async function runQaSet(file: string, kbDir: string, detail: boolean, io: CommandIo): Promise<number> {
  try {
    const items = loadQaSet(file);
    const { kb, buildSeconds } = await buildQaKnowledge(kbDir);
    const { results, thresholds } = await runQa(kb, items);
    const report: Record<string, unknown> = { ...qaReport(results, thresholds, buildSeconds) };
    report.calibration = kb.stats().calibration;
    if (detail)
      report.results = results.map((r) => ({
        id: r.item.id,
        kind: r.item.kind,
        question: r.item.question,
        expected: r.item.expected,
        outcome: r.outcome,
        shown: r.shown,
        confidence: Math.round(r.confidence * 1000) / 1000,
      }));
    io.out(JSON.stringify(report, null, detail ? 0 : 2));
    return 0;
  } catch (err) {
    const e = toKotaeError(err);
    io.err(`${e.userMessage}\n${e.code}: ${e.message}`);
    return 1;
  }
}

/** Resident set size of this process in MB. */
function rssMb(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}

/** `--tuning` as a partial SearchTuning; null unless it is a JSON object of known keys with numbers. */
function parseTuning(text: string | undefined): Partial<SearchTuning> | undefined | null {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
    const entries = Object.entries(value);
    return entries.every(([k, v]) => k in DEFAULT_TUNING && typeof v === 'number' && Number.isFinite(v))
      ? (Object.fromEntries(entries) as Partial<SearchTuning>)
      : null;
  } catch {
    return null;
  }
}
