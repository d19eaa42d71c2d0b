import { strict as assert } from 'node:assert';
import { runEvalCommand } from '../../../adapters/cli/eval';

/** The JSON report of `kotae eval --qa-set` (the fields the specs read). */
export interface QaSetReport {
  questions: number;
  answerable: { n: number; shown_correct: number; shown_wrong: number };
  unanswerable: { n: number };
  off_topic: { n: number; shown: number };
  others: { shown: number };
  thresholds: { answer: number; tentative: number; clarify: number };
  calibration: { thresholds: unknown; precisionTarget: number };
  latency_ms: { p50: number; p95: number };
}

/** Runs `kotae eval --qa-set SET --kb KB` as the command line does and returns its report. */
export async function qaSetReport(set: string, kb: string): Promise<QaSetReport> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runEvalCommand(['--qa-set', set, '--kb', kb], {
    out: (s) => out.push(s),
    err: (s) => err.push(s),
  });
  assert.equal(code, 0, err.join('\n'));
  return JSON.parse(out.join('')) as QaSetReport;
}

/** What a qa-set spec holds a report to: its question counts exactly, its figures as floors and ceilings. */
export interface QaFloors {
  /** Answerable, unanswerable and off-topic questions. */
  counts: [number, number, number];
  minShownCorrect: number;
  maxShownWrong: number;
  maxOthersShown: number;
  maxOffTopicShown?: number;
}

/** Asserts a report's counts and figures (each failure prints the report's part it read). */
export function assertQaFloors(report: QaSetReport, floors: QaFloors): void {
  const [answerable, unanswerable, offTopic] = floors.counts;
  assert.equal(report.questions, answerable + unanswerable + offTopic);
  assert.deepEqual([report.answerable.n, report.unanswerable.n, report.off_topic.n], floors.counts);
  assert.ok(report.answerable.shown_correct >= floors.minShownCorrect, JSON.stringify(report.answerable));
  assert.ok(report.answerable.shown_wrong <= floors.maxShownWrong, JSON.stringify(report.answerable));
  assert.ok(report.others.shown <= floors.maxOthersShown, JSON.stringify(report.others));
  if (floors.maxOffTopicShown !== undefined)
    assert.ok(report.off_topic.shown <= floors.maxOffTopicShown, JSON.stringify(report.off_topic));
}
