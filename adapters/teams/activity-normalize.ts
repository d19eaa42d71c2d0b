/**
 * Makes an activity as a client posted it fit what the rest of Kotae reads, before the Agents SDK parses it.
 * - NUL characters are removed from every string: PostgreSQL cannot store one in text, so a NUL in a display
 *   name, a card's form field or an id failed the turn there (500, or 「システムエラー」) while SQLite took it.
 *   No Teams id, name or text needs one; the words of a message already lose every control character.
 * - A property whose value is JSON `null` is left out, as if it were absent: the SDK's schema takes a missing
 *   `text`, `name` or `membersAdded` but refused `null` (400), and Bot Framework services may serialise unset
 *   properties as `null`. The opaque `value` of a card submission or invoke is kept as sent (nulls included).
 */

/** Deeper than any activity Teams sends; below it the object is kept as it is (the schema decides). */
const MAX_DEPTH = 32;

/** Properties whose content belongs to the sender (card data): strings are cleaned, nulls kept. */
const OPAQUE = new Set(['value']);

/** The activity without NUL characters in its strings and without `null` properties (outside `value`). */
export function normalizeActivity(body: Record<string, unknown>): Record<string, unknown> {
  return clean(body, 0, true) as Record<string, unknown>;
}

function clean(value: unknown, depth: number, dropNulls: boolean): unknown {
  if (typeof value === 'string') return value.includes('\u0000') ? value.replaceAll('\u0000', '') : value;
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value;
  if (Array.isArray(value)) {
    const items = value.map((item) => clean(item, depth + 1, dropNulls));
    return dropNulls ? items.filter((item) => item !== null) : items;
  }
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // `__proto__` would set the copy's prototype; no activity property has that name.
    if ((item === null && dropNulls) || key === '__proto__') continue;
    out[key] = clean(item, depth + 1, dropNulls && !(depth === 0 && OPAQUE.has(key)));
  }
  return out;
}
