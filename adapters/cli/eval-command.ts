/** `kotae eval`: the retrieval benchmark (see adapters/cli/eval.ts). */
import type { CliIo } from './io';
import { runEvalCommand } from './eval';

/** Runs the evaluation with the process's streams. */
export function evalCommand(argv: string[], io: CliIo): Promise<number> {
  return runEvalCommand(argv, { out: io.out, err: io.err });
}
