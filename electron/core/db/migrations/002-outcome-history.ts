import type { Database } from 'better-sqlite3';

/** Outcome changes keep their history: who changed a take's outcome, when, from what to what. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE take_outcome_history (
      id INTEGER PRIMARY KEY,
      take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
      changed_at INTEGER NOT NULL,
      changed_by TEXT NOT NULL DEFAULT '',
      before_outcome TEXT NOT NULL,
      after_outcome TEXT NOT NULL,
      before_reason TEXT,
      after_reason TEXT
    ) STRICT;
    CREATE INDEX outcome_history_by_take ON take_outcome_history (take_id, changed_at);
  `);
}
