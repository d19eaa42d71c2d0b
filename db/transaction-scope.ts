/**
 * The transaction a unit of work runs in, shared by every repository it calls: an audit entry and
 * the change it describes commit together (issue 11). `inTransaction` joins the transaction already
 * open for this data source in the current async context, or opens one; `managerOf` is the manager
 * every statement of a repository goes through (the open transaction's, else the data source's).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

/** An open transaction: its manager, and what runs once it has committed. */
interface Scope {
  ds: DataSource;
  em: EntityManager;
  committed: (() => void)[];
}

const ambient = new AsyncLocalStorage<Scope>();

/** The entity manager of the transaction open on `ds` in this async context, or `ds.manager`. */
export function managerOf(ds: DataSource): EntityManager {
  const scope = ambient.getStore();
  return scope && scope.ds === ds ? scope.em : ds.manager;
}

/** True while a transaction of `ds` is open in this async context. */
export function inOpenTransaction(ds: DataSource): boolean {
  return ambient.getStore()?.ds === ds;
}

/** Runs `work` in the open transaction of `ds`, or in a new one that nested calls join. */
export function inTransaction<T>(ds: DataSource, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const scope = ambient.getStore();
  if (scope && scope.ds === ds) return work(scope.em);
  const committed: (() => void)[] = [];
  const runner = ds.options.type === 'better-sqlite3' ? sqliteRunner(ds) : undefined;
  const done = runner
    ? transactionOn(runner, ds, committed, work)
    : ds.transaction((em) => ambient.run({ ds, em, committed }, () => work(em)));
  return done.then((result) => {
    for (const fn of committed) fn();
    return result;
  });
}

/**
 * Runs `fn` once the transaction open on `ds` in this async context has committed (never when it rolls
 * back), or now when none is open; the same `fn` registered twice in one transaction runs once. `fn` must
 * not throw: the commit is done and the caller's work succeeded.
 */
export function afterCommit(ds: DataSource, fn: () => void): void {
  const scope = ambient.getStore();
  if (!scope || scope.ds !== ds) fn();
  else if (!scope.committed.includes(fn)) scope.committed.push(fn);
}

/** SQLite: the query runner every transaction of a connection uses (see sqliteRunner). */
const sqliteRunners = new WeakMap<DataSource, { runner: QueryRunner; connection: unknown }>();

/**
 * SQLite has one connection, and runDb runs one unit of work at a time: every transaction reuses one
 * query runner, which keeps its prepared BEGIN and COMMIT (a new runner per transaction prepared them
 * again each time). A runner already inside a transaction is never shared (undefined: a new one is used,
 * as before); a reopened data source gets a new runner.
 */
function sqliteRunner(ds: DataSource): QueryRunner | undefined {
  const connection = (ds.driver as unknown as { databaseConnection?: unknown }).databaseConnection;
  const held = sqliteRunners.get(ds);
  if (held && held.connection === connection && !held.runner.isReleased) {
    return held.runner.isTransactionActive ? undefined : held.runner;
  }
  const runner = ds.createQueryRunner();
  sqliteRunners.set(ds, { runner, connection });
  return runner;
}

/** What `ds.transaction` does, on a given runner that stays open afterwards. */
async function transactionOn<T>(
  runner: QueryRunner,
  ds: DataSource,
  committed: (() => void)[],
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  try {
    await runner.startTransaction();
    const result = await ambient.run({ ds, em: runner.manager, committed }, () => work(runner.manager));
    await runner.commitTransaction();
    return result;
  } catch (err) {
    try {
      await runner.rollbackTransaction();
    } catch {
      // The error that made us roll back is the one to report.
    }
    throw err;
  }
}
