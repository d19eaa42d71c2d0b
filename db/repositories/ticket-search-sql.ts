/**
 * The SQL of ticket search, per dialect, as a `WHERE id IN (…)` condition with named parameters.
 * SQLite: the FTS5 trigram table "ticket_fts" (migration 1764700000000); terms of 3+ characters go
 * to MATCH as quoted phrases (so FTS syntax characters are plain text), shorter ones to LIKE over the
 * same table (trigrams cannot match them). PostgreSQL: ILIKE on each searched column and on the comments,
 * one condition per column so the pg_trgm GIN indexes (migration 1765010000002) serve them (a bitmap OR).
 * SQL Server: LIKE over the concatenated columns (its default collations compare case-insensitively).
 */
import { Raw, type FindOperator } from 'typeorm';
import type { Dialect } from '../schema';

/** A LIKE pattern matching `term` anywhere, with the wildcard characters escaped (ESCAPE '\'). */
function containsPattern(term: string, dialect: Dialect): string {
  const special = dialect === 'mssql' ? /[\\%_[]/g : /[\\%_]/g;
  return `%${term.replace(special, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase: the term in double quotes, inner quotes doubled. */
function ftsPhrase(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

function sqliteCondition(terms: readonly string[]): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const where: string[] = [];
  const long = terms.filter((t) => [...t].length >= 3);
  if (long.length > 0) {
    params.searchFts = long.map(ftsPhrase).join(' AND ');
    where.push(`"ticket_fts" MATCH :searchFts`);
  }
  const all = `("number" || ' ' || "title" || ' ' || "details" || ' ' || "requester" || ' ' || "department" || ' ' || "comments")`;
  terms
    .filter((t) => [...t].length < 3)
    .forEach((t, i) => {
      params[`searchLike${i}`] = containsPattern(t, 'sqlite');
      where.push(`${all} LIKE :searchLike${i} ESCAPE '\\'`);
    });
  return { sql: `SELECT "ticketId" FROM "ticket_fts" WHERE ${where.join(' AND ')}`, params };
}

/** The ticket columns searched besides the comments (each has a trigram index on PostgreSQL). */
const SEARCHED = ['number', 'title', 'details', 'requesterName', 'requesterId', 'department'];

/**
 * Per term: the tickets with a matching column UNION the tickets of a matching comment (an OR with a
 * sub-select would make PostgreSQL scan every ticket); terms INTERSECT.
 */
function postgresCondition(terms: readonly string[]): { sql: string; params: Record<string, string> } {
  const params: Record<string, string> = {};
  const perTerm = terms.map((t, i) => {
    params[`searchLike${i}`] = containsPattern(t, 'postgres');
    const match = (column: string) => `${column} ILIKE :searchLike${i} ESCAPE '\\'`;
    return (
      `SELECT s."id" FROM "ticket" s WHERE ${SEARCHED.map((c) => match(`s."${c}"`)).join(' OR ')} ` +
      `UNION SELECT c."ticketId" FROM "ticket_comment" c WHERE ${match('c."body"')}`
    );
  });
  return { sql: perTerm.map((q) => `(${q})`).join(' INTERSECT '), params };
}

function mssqlCondition(terms: readonly string[]): { sql: string; params: Record<string, string> } {
  const text = `CONCAT(${SEARCHED.map((c) => `s."${c}"`).join(", ' ', ")})`;
  const params: Record<string, string> = {};
  const where = terms.map((t, i) => {
    params[`searchLike${i}`] = containsPattern(t, 'mssql');
    const p = `:searchLike${i}`;
    return (
      `(${text} LIKE ${p} ESCAPE '\\' OR EXISTS (SELECT 1 FROM "ticket_comment" c ` +
      `WHERE c."ticketId" = s."id" AND c."body" LIKE ${p} ESCAPE '\\'))`
    );
  });
  return { sql: `SELECT s."id" FROM "ticket" s WHERE ${where.join(' AND ')}`, params };
}

/** The `id` condition of a search for every one of `terms` (at least one). */
export function ticketSearchCondition(terms: readonly string[], dialect: Dialect): FindOperator<string> {
  const { sql, params } =
    dialect === 'sqlite'
      ? sqliteCondition(terms)
      : dialect === 'postgres'
        ? postgresCondition(terms)
        : mssqlCondition(terms);
  return Raw((alias) => `${alias} IN (${sql})`, params);
}
