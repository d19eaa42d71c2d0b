/** `kotae eval`: the retrieval benchmark (adapters/cli/eval.ts) or, with --pii, the masker's (eval-pii.ts). */
import type { CliIo } from './io';
import { runEvalCommand } from './eval';
import { runPiiEval } from './eval-pii';

/** Runs the evaluation with the process's streams. */
export function evalCommand(argv: string[], io: CliIo): Promise<number> {
  const sinks = { out: io.out, err: io.err };
  if (argv.some((a) => a === '--pii' || a.startsWith('--pii='))) return runPiiEval(argv, sinks);
  return runEvalCommand(argv, sinks);
}
