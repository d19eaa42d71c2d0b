/**
 * Settings of the registers and equipment lending (issue 16 point 2): the computer-name naming rule
 * and the longest booking. A separate block of app/config.ts (which alone reads the environment).
 */
import { z } from 'zod';
import { DEFAULT_COMPUTER_NAME_RULE, type ComputerNameRule } from '../registers';

const compiles = (pattern: string) => {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
};

/** The register variables (documented in .env.example). */
export const RegistersEnvSchema = z.object({
  KOTAE_COMPUTER_NAME_PATTERN: z
    .string()
    .min(1)
    .max(500)
    .refine(compiles, 'must be a valid regular expression')
    .default(DEFAULT_COMPUTER_NAME_RULE.pattern),
  KOTAE_COMPUTER_NAME_HINT: z.string().min(1).max(200).optional(),
  KOTAE_LENDING_MAX_DAYS: z.coerce.number().int().min(1).max(366).default(31),
});

/** Register and lending configuration. */
export interface RegistersConfig {
  /** Computer names (upper-cased) must match `pattern` in full; `hint` says the rule in Japanese. */
  computerName: ComputerNameRule;
  /** Longest booking window in days. */
  lendingMaxDays: number;
}

/** The configuration from the parsed variables; a custom pattern without a hint shows the pattern itself. */
export function toRegistersConfig(e: z.infer<typeof RegistersEnvSchema>): RegistersConfig {
  const custom = e.KOTAE_COMPUTER_NAME_PATTERN !== DEFAULT_COMPUTER_NAME_RULE.pattern;
  const hint =
    e.KOTAE_COMPUTER_NAME_HINT ??
    (custom ? `規則（${e.KOTAE_COMPUTER_NAME_PATTERN}）に合う形式` : DEFAULT_COMPUTER_NAME_RULE.hint);
  const pattern = e.KOTAE_COMPUTER_NAME_PATTERN;
  // Anchored in full, whatever the administrator wrote.
  const anchored = `^(?:${pattern.replace(/^\^/, '').replace(/\$$/, '')})$`;
  return { computerName: { pattern: anchored, hint }, lendingMaxDays: e.KOTAE_LENDING_MAX_DAYS };
}
