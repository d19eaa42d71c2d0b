/** What a CLI command writes to: command output on stdout, messages on stderr. */
export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
  isTTY: boolean;
}

/** The process's own streams. */
export function processIo(): CliIo {
  return {
    out: (s) => process.stdout.write(s.endsWith('\n') ? s : s + '\n'),
    err: (s) => process.stderr.write(s.endsWith('\n') ? s : s + '\n'),
    isTTY: Boolean(process.stdout.isTTY),
  };
}
