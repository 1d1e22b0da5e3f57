import type { Database } from 'better-sqlite3';

/**
 * The operator's names for the set's displays and devices, remembered per device id (a random id
 * each device keeps in its own storage), so a renamed wing tablet keeps its name after a restart.
 * Who is connected is not stored: that lives in memory only.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE device_names (
      device_id TEXT PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
      updated_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `);
}
