/**
 * SLA targets per ticket type and priority (issue 16 point 4), from `KOTAE_SLA_TARGETS` (inline JSON) or
 * `KOTAE_SLA_TARGETS_FILE` (a JSON file). Without either, every type keeps today's policy
 * (KOTAE_SLA_RESPONSE_MINUTES and the built-in resolution budgets) and incidents get the contract's
 * clocks: 復旧作業開始 within 120 business minutes, the incident report within 10 business days.
 *
 * ```json
 * {
 *   "types": {
 *     "incident": { "responseMinutes": 30, "resolutionMinutes": { "urgent": 240, "high": 480 } },
 *     "request": { "resolutionMinutes": { "normal": 2625 }, "dueSoonRatio": 0.8 }
 *   },
 *   "incident": { "restorationStartMinutes": { "urgent": 60, "high": 120 }, "reportBusinessDays": 10 }
 * }
 * ```
 * Budgets are business minutes on the desk calendar; every key is optional; unknown keys are errors.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { SlaTargetOverrides } from '../tickets';

const budget = z.number().positive().max(1_000_000);
const perPriority = z.object({ low: budget, normal: budget, high: budget, urgent: budget }).partial().strict();
const typePolicy = z
  .object({ responseMinutes: budget, resolutionMinutes: perPriority, dueSoonRatio: z.number().gt(0).max(1) })
  .partial()
  .strict();

/** The JSON format of the targets. */
export const SlaTargetsSchema = z
  .object({
    types: z.object({ inquiry: typePolicy, incident: typePolicy, request: typePolicy }).partial().strict(),
    incident: z
      .object({
        restorationStartMinutes: z.union([budget, perPriority]),
        reportBusinessDays: z.number().int().min(1).max(260),
      })
      .partial()
      .strict(),
  })
  .partial()
  .strict();

/** The variables of this module (spread into config.ts's schema). */
export const SLA_ENV_SHAPE = {
  KOTAE_SLA_TARGETS: z.string().min(2).max(20_000).optional(),
  KOTAE_SLA_TARGETS_FILE: z.string().min(1).optional(),
};

/** Reads and validates the targets; every problem is returned (none: the overrides, possibly empty). */
export function slaTargetsOf(
  env: { KOTAE_SLA_TARGETS?: string; KOTAE_SLA_TARGETS_FILE?: string },
  cwd: string,
): { targets: SlaTargetOverrides; problems: string[] } {
  const inline = env.KOTAE_SLA_TARGETS;
  const file = env.KOTAE_SLA_TARGETS_FILE;
  if (inline && file)
    return {
      targets: {},
      problems: ['KOTAE_SLA_TARGETS_FILE: set either KOTAE_SLA_TARGETS or KOTAE_SLA_TARGETS_FILE'],
    };
  const key = file ? 'KOTAE_SLA_TARGETS_FILE' : 'KOTAE_SLA_TARGETS';
  let text = inline;
  if (file) {
    try {
      text = fs.readFileSync(path.resolve(cwd, file), 'utf8');
    } catch (err) {
      return {
        targets: {},
        problems: [`${key}: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`],
      };
    }
  }
  if (text === undefined) return { targets: {}, problems: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { targets: {}, problems: [`${key}: not valid JSON`] };
  }
  const parsed = SlaTargetsSchema.safeParse(json);
  if (!parsed.success)
    return {
      targets: {},
      problems: parsed.error.issues.map((i) => `${key}: ${i.path.join('.') || '(root)'}: ${i.message}`),
    };
  return { targets: parsed.data, problems: [] };
}
