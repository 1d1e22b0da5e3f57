import type { Db } from '../db/open';
import { statement } from '../db/statements';

/**
 * Settings read in every take's commit (the crew's name), kept per connection. Only values read
 * outside a transaction are kept (inside one, the value may be this transaction's own, not yet
 * committed); setSetting keeps the value it commits, or drops the kept one inside a transaction.
 */
const cached = new WeakMap<Db, Map<string, string | undefined>>();

export function getSetting(db: Db, key: string): string | undefined {
  let values = cached.get(db);
  if (!values) cached.set(db, (values = new Map()));
  if (values.has(key)) return values.get(key);
  const row = statement(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  if (!db.inTransaction) values.set(key, row?.value);
  return row?.value;
}

export function setSetting(db: Db, key: string, value: string): void {
  statement(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
  // Outside a transaction the write is committed: keep it, so the next take's commit need not read it.
  if (db.inTransaction) cached.get(db)?.delete(key);
  else cached.get(db)?.set(key, value);
}
