/**
 * Readable (non-JSON) output of `kotae eval`.
 */

type Metrics = Record<string, unknown>;

const METRICS = ['ndcg@10', 'recall@1', 'recall@5', 'recall@10', 'mrr@10'];

/** Formats an eval report as a small table. */
export function formatReport(report: Metrics): string {
  const baseline = (report.baseline ?? {}) as Metrics;
  const lines = [`queries: ${String(report.queries)}`, '', pad('metric') + pad('kotae') + pad('baseline') + 'delta'];
  for (const m of METRICS) {
    const a = Number(report[m]);
    const b = Number(baseline[m]);
    lines.push(pad(m) + pad(a.toFixed(4)) + pad(b.toFixed(4)) + (a - b >= 0 ? '+' : '') + (a - b).toFixed(4));
  }
  const lat = (x: Metrics): string => {
    const l = x.latency_ms as { p50: number; p95: number } | undefined;
    return l ? `${l.p50} / ${l.p95}` : '-';
  };
  lines.push(pad('latency p50/p95 ms') + pad(lat(report)) + lat(baseline));
  lines.push(pad('build s') + pad(String(report.build_s)) + String(baseline.build_s));
  lines.push(pad('rss MB') + pad(String(report.rss_mb)) + String(baseline.rss_mb ?? '-'));
  const abstain = report.abstain as Metrics | undefined;
  if (abstain) {
    lines.push(
      '',
      `abstain (prior weights, thresholds ${JSON.stringify(abstain.thresholds)}; "answered" = outcome answered only, tentative counted apart):`,
    );
    lines.push(
      `  answerable ${String(abstain.answerable)}: answered & top-1 relevant ${String(abstain.answerable_answered_rate)}, answered or tentative & top-1 relevant ${String(abstain.answerable_shown_rate)}, clarify with a relevant candidate ${String(abstain.answerable_clarified_rate)}`,
    );
    lines.push(
      `  unanswerable ${String(abstain.unanswerable)}: abstained (not answered) ${String(abstain.unanswerable_abstained_rate)}, neither answered nor tentative ${String(abstain.unanswerable_declined_rate)}, no_answer ${String(abstain.unanswerable_no_answer_rate)}`,
    );
    lines.push(`  auroc ${String(abstain.auroc)}, calibration error (ECE, 10 bins) ${String(abstain.ece)}`);
    const c = abstain.calibrated as Metrics | undefined;
    if (c) {
      lines.push(
        `  self-calibrated (thresholds ${JSON.stringify(c.thresholds)}): answerable answered ${String(c.answerable_answered_rate)}, answered or tentative ${String(c.answerable_shown_rate)}; unanswerable abstained ${String(c.unanswerable_abstained_rate)}, neither answered nor tentative ${String(c.unanswerable_declined_rate)}; auroc ${String(c.auroc)}`,
      );
      const points = (c.sweep as { answer: number; answered: number; abstained: number }[]) ?? [];
      lines.push(
        `  self-calibrated confidences, answer ≥ t → answered / abstained: ${points
          .filter((p) => p.answer >= 0.25 && p.answer <= 0.6)
          .map((p) => `${p.answer.toFixed(2)} → ${p.answered.toFixed(2)} / ${p.abstained.toFixed(3)}`)
          .join(', ')}`,
      );
    }
    const m = abstain.answer_model as Metrics | undefined;
    if (m) {
      lines.push(
        `  with the answer model (check sources: ${String(m.check_sources)}): answerable answered & top-1 relevant ${String(m.answerable_answered_rate)}, unanswerable abstained ${String(m.unanswerable_abstained_rate)} (asked ${String(m.asked)}, failed ${String(m.failed)})`,
      );
    }
    lines.push('  prior weights, answer ≥ t:');
    for (const s of (abstain.sweep as { answer: number; answered: number; abstained: number }[]) ?? []) {
      lines.push(
        `  answer ≥ ${s.answer.toFixed(2)}: answered ${s.answered.toFixed(3)}  abstained ${s.abstained.toFixed(3)}`,
      );
    }
  }
  return lines.join('\n');
}

function pad(s: string): string {
  return s.padEnd(22);
}
