/** The db/schema folder's public entry. */
export type * from './rows';
export { type Dialect, dialectOfDriver } from './column-types';
export { ALL_TABLES } from './tables';
export { toEntitySchema } from './table-spec';
