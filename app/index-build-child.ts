/**
 * The child process of a full index build (see index-build-process.ts): receives the chunks, the
 * generation directory and the embedding settings over IPC, builds the index there (LSA fit and
 * calibration included), answers with the build's stats and exits. It dies with its parent.
 */
import { buildKnowledgeIndex } from '../knowledge';
import { createEmbedder } from './knowledge-embedder';
import type { BuildReply, BuildRequest } from './index-build-process';

function reply(message: BuildReply, code: number): void {
  process.send?.(message, () => process.exit(code));
}

process.on('disconnect', () => process.exit(1));
process.once('message', (request: BuildRequest) => {
  buildKnowledgeIndex(request.chunks, request.dir, {
    ...createEmbedder(request),
    answerPrecision: request.answerPrecision,
    onProgress: (done, total) => process.send?.({ progress: { done, total } } satisfies BuildReply),
  }).then(
    (stats) => reply({ stats }, 0),
    (err: unknown) => reply({ error: err instanceof Error ? err.message : String(err) }, 1),
  );
});
