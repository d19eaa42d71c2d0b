/**
 * The alert `audit_checkpoint_failed` (issue 11): this server could not write an audit checkpoint (the
 * head file after writes, or the periodic line of the anchor file). While it cannot, the newest audit
 * rows can be deleted unnoticed, so the operators are told once per incident and once when every failing
 * checkpoint was written again. Checked by every instance (each writes its own checkpoints); an instance
 * whose checkpoints never failed has no opinion, so it neither opens nor closes the shared incident.
 */
import { formatJst } from '../calendar';
import type { AlertCondition, AlertObservation } from './alert-watch';
import { NOTIFY_MESSAGES as N } from './messages';
import type { AlertIncident } from './ports';

/** A failing checkpoint source, as jobs/audit-checkpoint-health.ts reports it. */
export interface FailingCheckpoint {
  source: string;
  since: Date;
  error: string;
  failures: number;
}

/** Japanese names of the checkpoint sources. */
const SOURCE_LABELS: Readonly<Record<string, string>> = {
  write: '書き込み直後のチェックポイント（ヘッドファイル）',
  periodic: '定期チェックポイント（チェックポイントファイル）',
};

/** Down while any checkpoint source of this instance is failing. */
export function auditCheckpointCondition(d: {
  state: () => { failing: FailingCheckpoint[]; everFailed: boolean };
  /** This instance's id, named in the notice. */
  instance?: string;
}): AlertCondition {
  return {
    name: 'audit_checkpoint_failed',
    event: 'audit_checkpoint_failed',
    async observe(): Promise<AlertObservation> {
      const { failing, everFailed } = d.state();
      if (!everFailed) return undefined;
      if (failing.length === 0) return { down: false };
      const lines = failing.map(
        (f) => `${SOURCE_LABELS[f.source] ?? f.source}: ${f.failures} 回失敗（最新のエラー: ${f.error.slice(0, 300)}）`,
      );
      if (d.instance) lines.push(`インスタンス: ${d.instance}`);
      return { down: true, since: failing[0].since, detail: lines.join('\n') };
    },
    downText: (i: AlertIncident) => ({
      subject: N.auditCheckpointFailed,
      lines: [
        N.since(formatJst(i.since)),
        i.detail,
        'チェックポイントが書き込まれるまで、最新の監査ログの削除を検出できません。',
        'チェックポイントファイル（KOTAE_AUDIT_ANCHOR_FILE）の保存先の空き容量・権限と、サーバーのログ（audit checkpoint）を確認してください。',
      ],
    }),
    upText: (i: AlertIncident, now: Date) => ({
      subject: N.auditCheckpointBack,
      lines: [N.since(formatJst(i.since)), N.recoveredAt(formatJst(now))],
    }),
  };
}
