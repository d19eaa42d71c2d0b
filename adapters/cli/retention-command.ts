/**
 * `kotae retention run [--dry-run]` (session 31): runs the retention job now, under the job lease the
 * scheduler takes (so a run by hand and a scheduled run on any instance never overlap), and prints what
 * it deleted and the deletion certificate's id; `--dry-run` counts what it would delete and deletes
 * nothing. Both are audited (`retention.cli_run` with the certificate id, `retention.dry_run`). Safe
 * while the server runs.
 */
import { previewRetention, runRetentionNow, withKotae, type KotaeConfig, type KotaeRuntime } from '../../app';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';

/** 'YYYY-MM-DD' (UTC) of a cutoff. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Japanese messages of `kotae retention`. */
export const RETENTION_CLI_MESSAGES = {
  usage:
    '使い方: kotae retention run [--dry-run]\n  run        保存期間を過ぎたデータの削除を今すぐ実行し、消去証明書を作成します（定期実行と同じ処理）\n  --dry-run  削除の対象となる件数を表示します（何も削除しません）',
  busy: (holder: string | undefined) =>
    `保存期間の処理は別のKotae${holder ? `（${holder}）` : ''}で実行中です。終わってからもう一度実行してください。`,
  done: (certificate: string) => `保存期間を過ぎたデータを削除しました。消去証明書: ${certificate}`,
  deleted: (conversations: number, questions: number, tickets: number, attachments: number, files: number) =>
    `  会話 ${conversations} 件（質問 ${questions} 件）、チケット ${tickets} 件、添付ファイル ${attachments} 件（ファイル ${files} 個）`,
  deletedAudit: (audit: number, autoClosed: number) =>
    `  監査ログ ${audit} 件、自動クローズしたチケット ${autoClosed} 件`,
  noCertificate: '保存期間を過ぎたデータを削除しました（消去証明書は作成されていません）。',
  preview: '削除の対象（--dry-run: 何も削除していません）',
  previewLine: (label: string, count: number, cutoff: Date) => `  ${label}: ${count} 件（${day(cutoff)} より前）`,
} as const;

/** The command on a given configuration (tests call this; the dispatcher calls `retentionCommand`). */
export async function runRetentionCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub !== 'run' || rest.some((a) => a !== '--dry-run')) {
    io.err(RETENTION_CLI_MESSAGES.usage);
    return 2;
  }
  const M = RETENTION_CLI_MESSAGES;
  return withKotae(config, runtime, { createKeys: false }, async (kotae) => {
    const audit = await kotae.audit();
    if (rest.includes('--dry-run')) {
      const p = await previewRetention(kotae);
      io.out(M.preview);
      io.out(M.previewLine('会話（質問・やり取りを含む）', p.conversations, p.cutoffs.conversation));
      io.out(M.previewLine('クローズ済みチケット', p.tickets, p.cutoffs.ticket));
      io.out(M.previewLine('添付ファイル', p.attachments, p.cutoffs.attachment));
      io.out(M.previewLine('監査ログ', p.auditRows, p.cutoffs.audit));
      const { cutoffs, ...counts } = p;
      await audit.record({
        actor: 'cli',
        action: 'retention.dry_run',
        detail: { ...counts, conversationCutoff: cutoffs.conversation.toISOString() },
      });
      return 0;
    }
    const result = await runRetentionNow(kotae);
    if (!result.ran) {
      io.err(M.busy(result.holder));
      return 1;
    }
    const o = result.outcome;
    const certificate = o.trust?.certificateId;
    io.out(certificate ? M.done(certificate) : M.noCertificate);
    const attachments = o.conversations.attachments + o.tickets.attachments + (o.trust?.attachmentsByAge ?? 0);
    io.out(
      M.deleted(o.conversations.conversations, o.conversations.questions, o.tickets.tickets, attachments, o.files),
    );
    io.out(M.deletedAudit(o.trust?.audit ?? 0, o.trust?.autoClosed ?? 0));
    await audit.record({
      actor: 'cli',
      action: 'retention.cli_run',
      target: certificate,
      detail: { conversations: o.conversations.conversations, tickets: o.tickets.tickets, audit: o.trust?.audit ?? 0 },
    });
    return 0;
  });
}

/** Entry used by the CLI dispatcher. */
export async function retentionCommand(argv: string[], io: CliIo): Promise<number> {
  return runRetentionCommand(argv, io, configFromProcess(), defaultRuntime());
}
