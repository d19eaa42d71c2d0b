/**
 * PostgreSQL stores Kotae's times in `timestamp(3)` columns holding UTC. node-postgres would
 * otherwise write a Date as the Node process's local time and read a `timestamp` back as local time,
 * so two instances in different time zones (or a raw SQL comparison) would disagree. Both directions
 * are pinned to UTC here; the session TimeZone is also UTC (set in the connection options), so
 * `now()` and casts agree with the stored values whatever the server's default is.
 */

/** OID of `timestamp without time zone`. */
const TIMESTAMP_OID = 1114;

let applied = false;

/** Makes node-postgres write and read `timestamp` values as UTC (idempotent, process-wide for `pg`). */
export function pinPostgresDatesToUtc(): void {
  if (applied) return;
  applied = true;
  // Loaded here, not at the top: a SQLite server never loads node-postgres (start-up time, issue 17).
  const pg = require('pg') as typeof import('pg');
  pg.defaults.parseInputDatesAsUTC = true;
  pg.types.setTypeParser(TIMESTAMP_OID, (text: string) => new Date(`${text.replace(' ', 'T')}Z`));
}
