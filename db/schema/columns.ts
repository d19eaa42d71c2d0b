/** Column shorthands of the table specs (tables.ts and the *-tables.ts files beside it). */

/** The row's numeric id, primary key. */
export const id = { kind: 'id', primary: true } as const;
/** The id of another row (no foreign key). */
export const ref = { kind: 'id' } as const;
/** The id of another row, or null. */
export const optRef = { kind: 'id', nullable: true } as const;
/** A UTC timestamp. */
export const date = { kind: 'date' } as const;
/** A UTC timestamp, or null. */
export const optDate = { kind: 'date', nullable: true } as const;
/** Text of any length. */
export const long = { kind: 'long' } as const;
/** Text of any length, or null. */
export const optLong = { kind: 'long', nullable: true } as const;
/** Text of at most `length` characters. */
export const short = (length: number, nullable = false) => ({ kind: 'short', length, nullable }) as const;
/** A whole number. */
export const int = { kind: 'int' } as const;
/** Bytes (a file kept for a while). */
export const blob = { kind: 'blob' } as const;
