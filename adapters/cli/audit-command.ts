/**
 * `kotae audit verify [--json]`: checks the audit log's HMAC chain against the key file and the
 * anchor file (checkpoints kept outside the database). Exit code 0 when intact, 1 when tampering
 * is detected (the message names the first bad sequence number), 2 for a usage error.
 * `kotae audit checkpoint`: records an `audit.checkpoint` entry and checkpoints the head with it now
 * (the anchor file and audit_checkpoint), e.g. before a planned maintenance.
 */
import { withKotae, type KotaeConfig, type KotaeRuntime } from '../../app';
import { AUDIT_BREAK_LABELS, type AuditVerification } from '../../core';
import type { CliIo } from './io';
import { configFromProcess, defaultRuntime } from './runtime';

/** Japanese messages of `kotae audit`. */
export const AUDIT_CLI_MESSAGES = {
  usage:
    '使い方: kotae audit verify [--json] | kotae audit checkpoint\n  verify      監査ログの改ざんの有無を、鍵付きハッシュとデータベース外のチェックポイントで検証します\n  checkpoint  監査ログの最新の連番を、今すぐチェックポイントファイルに記録します',
  checkpointed: (seq: number, file: string) =>
    `監査ログのチェックポイントを記録しました（連番 ${seq}、チェックポイントファイル ${file}）。`,
  intact: (count: number, anchors: number, seq: number) =>
    `監査ログ: 改ざんは検出されませんでした（${count}件、最新の連番 ${seq}、チェックポイント ${anchors}件で検証）。`,
  broken: (seq: number, reason: string) => `監査ログ: 改ざんを検出しました。最初の不整合は連番 ${seq} です：${reason}`,
} as const;

/** The verdict as one line of Japanese. */
export function verdictText(v: AuditVerification): string {
  return v.ok
    ? AUDIT_CLI_MESSAGES.intact(v.count, v.anchors, v.head.seq)
    : AUDIT_CLI_MESSAGES.broken(v.brokenAtSeq, AUDIT_BREAK_LABELS[v.reason]);
}

/** The command on a given configuration (tests call this). */
export async function runAuditCommand(
  argv: string[],
  io: CliIo,
  config: Readonly<KotaeConfig>,
  runtime: KotaeRuntime,
): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'checkpoint' && rest.length === 0) return checkpointNow(io, config, runtime);
  const unknown = rest.find((a) => a !== '--json');
  if (sub !== 'verify' || unknown !== undefined) {
    io.err(AUDIT_CLI_MESSAGES.usage);
    return 2;
  }
  // Reads only: no migration, no folder or key file created.
  return withKotae(config, runtime, { migrate: 'never', createKeys: false }, async (kotae) => {
    const verdict = await (await kotae.audit()).verify();
    if (rest.includes('--json')) io.out(JSON.stringify(verdict));
    else if (verdict.ok) io.out(verdictText(verdict));
    else io.err(verdictText(verdict));
    return verdict.ok ? 0 : 1;
  });
}

/** `kotae audit checkpoint`: audited, then the head (with that entry) checkpointed. The key file must exist. */
function checkpointNow(io: CliIo, config: Readonly<KotaeConfig>, runtime: KotaeRuntime): Promise<number> {
  return withKotae(config, runtime, { createKeys: false }, async (kotae) => {
    const audit = await kotae.audit();
    await audit.record({ actor: 'cli', action: 'audit.checkpoint' });
    const head = await audit.anchor('cli');
    io.out(AUDIT_CLI_MESSAGES.checkpointed(head.seq, config.integrity.auditAnchorFile));
    return 0;
  });
}

/** Entry used by the CLI dispatcher. */
export async function auditCommand(argv: string[], io: CliIo): Promise<number> {
  return runAuditCommand(argv, io, configFromProcess(), defaultRuntime());
}
