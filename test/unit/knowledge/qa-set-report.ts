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
