/** Test helper: the instant of a JST wall-clock time 'YYYY-MM-DDTHH:MM'. */
export function jst(wallClock: string): Date {
  return new Date(`${wallClock}:00+09:00`);
}

/** Test helper: an instant as a JST wall-clock string 'YYYY-MM-DDTHH:MM' (for readable assertions). */
export function toJst(instant: Date): string {
  return new Date(instant.getTime() + 9 * 3_600_000).toISOString().slice(0, 16);
}
