/**
 * An SQL literal, for raw statements in a db.batch: drizzle's D1 batch cannot bind parameters of raw `sql`
 * statements, so their few values (our own ids, timestamps, validated day strings) are inlined, quoted.
 */
import { type SQL, sql } from 'drizzle-orm';

export function sqlLiteral(v: string | number): SQL {
  return sql.raw(typeof v === 'number' ? String(Math.trunc(v)) : `'${v.replaceAll("'", "''")}'`);
}
