/**
 * The transaction a unit of work runs in, shared by every repository it calls: an audit entry and
 * the change it describes commit together (issue 11). `inTransaction` joins the transaction already
 * open for this data source in the current async context, or opens one; `managerOf` is the manager
 * every statement of a repository goes through (the open transaction's, else the data source's).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager } from 'typeorm';

const ambient = new AsyncLocalStorage<{ ds: DataSource; em: EntityManager }>();

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
  return ds.transaction((em) => ambient.run({ ds, em }, () => work(em)));
}
