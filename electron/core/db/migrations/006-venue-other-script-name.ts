import type { Database } from 'better-sqlite3';

/**
 * Venues get a name in the other script, as people have had since step 1 (국립중앙박물관 beside
 * National Museum of Korea), so a Korean screen and call sheet can show the name people use.
 * Existing venues start without one: '' means "none given", as for people.
 */
export function up(db: Database): void {
  db.exec(`ALTER TABLE venues ADD COLUMN name_alt TEXT NOT NULL DEFAULT ''`);
}
