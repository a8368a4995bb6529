/** CHECK constraints built from the domain's own lists, so a value added there reaches the database's guard too. */
import { type SQL, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

/** `column in ('a', 'b', …)` for a fixed list of plain identifiers, hyphens allowed (never user input: inlined as SQL). */
export function isOneOf(column: SQLiteColumn, values: readonly string[]): SQL {
  for (const v of values)
    if (!/^[a-z_-]+$/.test(v)) throw new Error(`isOneOf: ${v} is not a plain identifier`);
  return sql`${column} in (${sql.raw(values.map((v) => `'${v}'`).join(', '))})`;
}
