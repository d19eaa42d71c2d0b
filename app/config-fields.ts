/**
 * The zod field types every configuration block shares (booleans, times, optional text, day counts),
 * so each block parses `KOTAE_…=yes` or `02:00` the same way.
 */
import { z } from 'zod';

/** 'true'/'false', '1'/'0', 'yes'/'no'. */
export const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
/** A wall-clock time 'HH:MM'. */
export const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');
/** A non-empty text or nothing. */
export const optionalText = z.string().min(1).optional();
/** A whole number of days (1–36500) with Japanese messages naming `what`. */
export const days = (what: string) =>
  z.coerce
    .number({ error: `${what}: 日数を整数で指定してください` })
    .int(`${what}: 日数を整数で指定してください`)
    .min(1, `${what}: 1日以上を指定してください`)
    .max(36_500, `${what}: 36500日以下を指定してください`);
