/** Progress of `kotae ingest`: a bar on a terminal, a few plain lines in logs and pipes. */
import { SingleBar } from 'cli-progress';
import type { IngestProgress } from '../../ingest';
import { INGEST_MESSAGES } from './ingest-messages';

/** Receives progress events; `stop` ends the display. */
export interface ProgressView {
  update(progress: IngestProgress): void;
  stop(): void;
}

/** A cli-progress bar that restarts for each phase. */
export function barProgress(stream: NodeJS.WritableStream): ProgressView {
  const bar = new SingleBar({
    stream,
    format: '{phase} |{bar}| {value}/{total} {file}',
    hideCursor: true,
    clearOnComplete: true,
  });
  let phase: IngestProgress['phase'] | undefined;
  return {
    update(p) {
      const payload = { phase: INGEST_MESSAGES.phase[p.phase], file: p.path ?? '' };
      if (p.phase !== phase) {
        if (phase) bar.stop();
        bar.start(p.total, p.done, payload);
        phase = p.phase;
      } else bar.update(p.done, payload);
    },
    stop: () => bar.stop(),
  };
}

/** Plain lines, about twenty per phase, so logs stay readable for large folders. */
export function lineProgress(out: (s: string) => void): ProgressView {
  return {
    update(p) {
      const step = Math.max(1, Math.ceil(p.total / 20));
      if (p.done % step === 0 || p.done === p.total) {
        out(INGEST_MESSAGES.progressLine(INGEST_MESSAGES.phase[p.phase], p.done, p.total, p.path));
      }
    },
    stop: () => undefined,
  };
}
