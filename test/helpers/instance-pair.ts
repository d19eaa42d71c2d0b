/**
 * Two Kotae instances on one fresh PostgreSQL database (sharing the audit key, as the README asks of
 * every instance on one database), or one app on SQLite standing for both: the set-up of the specs that
 * send one request to both instances at once.
 */
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { FakeClock } from '../../core/clock';
import { createTestDatabase, dropTestDatabase, pgAppEnv, postgresServer } from './postgres';
import { startApp, type RunningApp } from './start-app';
import { tempDir } from './temp-dir';

/** The two instances (the same one on SQLite) and how to stop them and drop their database. */
export interface InstancePair {
  one: RunningApp;
  two: RunningApp;
  stop(): Promise<void>;
}

/** Starts the pair on `kind` with `env` added to each instance's environment (and `clock` shared by both). */
export async function startInstancePair(
  kind: 'sqlite' | 'postgres',
  env: Record<string, string> = {},
  options: { clock?: FakeClock } = {},
): Promise<InstancePair> {
  if (kind === 'sqlite') {
    const one = await startApp(env, options);
    return { one, two: one, stop: () => one.stop() };
  }
  const keys = tempDir('kotae-pair-keys-');
  const server = await postgresServer();
  const database = await createTestDatabase(server);
  const shared = { ...env, ...pgAppEnv(server, database), KOTAE_AUDIT_KEY_FILE: path.join(keys.dir, 'audit.key') };
  const started: RunningApp[] = [];
  try {
    started.push(await startApp(shared, options));
    started.push(await startApp(shared, options));
  } catch (err) {
    for (const app of started) await app.stop();
    await dropTestDatabase(server, database);
    keys.cleanup();
    throw err;
  }
  const [one, two] = started as [RunningApp, RunningApp];
  return {
    one,
    two,
    async stop() {
      await one.stop();
      await two.stop();
      await dropTestDatabase(server, database);
      keys.cleanup();
    },
  };
}

/** Rows of `table` whose `column` contains `like`, on either dialect. */
export async function countRowsLike(ds: DataSource, table: string, column: string, like: string): Promise<number> {
  const p = ds.options.type === 'postgres' ? '$1' : '?';
  const rows = (await ds.query(`SELECT COUNT(*) AS "n" FROM "${table}" WHERE "${column}" LIKE ${p}`, [
    `%${like}%`,
  ])) as { n: number | string }[];
  return Number(rows[0]!.n);
}
