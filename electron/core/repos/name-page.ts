import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** Where a name-ordered page ended: the next one starts after it. */
export interface NameCursor {
  id: number;
  name: string;
}

/**
 * The rows of `table` after `after` in name order (as its whole list is ordered; ties by id),
 * `limit` at most: its index on names is walked, never the whole table sorted.
 */
export function rowsByNamePage<Row>(db: Db, table: 'people' | 'venues', after: NameCursor | null, limit: number): Row[] {
  const rows = after
    ? statement(db, `SELECT * FROM ${table} WHERE name COLLATE NOCASE >= @name AND (name COLLATE NOCASE > @name OR id > @id) ORDER BY name COLLATE NOCASE, id LIMIT @limit`).all({ name: after.name, id: after.id, limit })
    : statement(db, `SELECT * FROM ${table} ORDER BY name COLLATE NOCASE, id LIMIT ?`).all(limit);
  return rows as Row[];
}
