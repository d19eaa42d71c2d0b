/**
 * Keeps an empty knowledge folder from replacing an index built from it: a share that is not mounted,
 * or a path typed wrong, looks exactly like a folder whose files were all deleted, and ingesting it
 * would take every answer away. Emptying the knowledge base is allowed only when asked for explicitly.
 */
import { KotaeError } from '../core';
import type { Manifest } from './manifest';

/** `details.reason` of the refusal, for callers that add their own hint (the CLI's --allow-empty). */
export const EMPTY_SOURCE_REASON = 'empty-source';

/** The operator's message: nothing was changed, and what to check. */
export const emptySourceMessage = (indexedFiles: number): string =>
  `取り込み元のフォルダにファイルが1件もないため、取り込みを中止しました。今の索引（${indexedFiles.toLocaleString('ja-JP')}件のファイル）はそのままです。` +
  'フォルダのパスと、共有フォルダの接続（マウント）が切れていないかを確認してください。';

/**
 * Throws INGEST_SOURCE_MISSING when `sourceDir` holds no file while the current index holds files this
 * run would drop (those not under one of `keptPrefixes`, the extra folders the run also reads).
 */
export function assertSourceNotEmptied(
  sourceDir: string,
  sourceFiles: number,
  previous: Manifest,
  keptPrefixes: readonly string[],
): void {
  if (sourceFiles > 0) return;
  const dropped = Object.entries(previous.files).filter(
    ([p, e]) => e.status === 'indexed' && !keptPrefixes.some((prefix) => p.startsWith(prefix)),
  ).length;
  if (dropped === 0) return;
  throw new KotaeError(
    'INGEST_SOURCE_MISSING',
    `source folder ${sourceDir} is empty; refusing to drop the ${dropped} files of the current index`,
    {
      userMessage: emptySourceMessage(dropped),
      details: { sourceDir, reason: EMPTY_SOURCE_REASON, indexedFiles: dropped },
    },
  );
}
