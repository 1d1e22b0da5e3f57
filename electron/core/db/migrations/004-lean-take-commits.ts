import type { Database } from 'better-sqlite3';

/**
 * An outcome change is a commit the crew waits on, so it writes as few pages as it can.
 *
 * - The review now reads takes from memory (electron/core/review/), so the take indexes step 3
 *   added for its sorts only cost each commit: every outcome change rewrote a page in five of them.
 *   Takes keep step 1's two (by plan, for numbering and attempts; by GO time).
 * - A take's outcome history becomes one b-tree clustered by take (WITHOUT ROWID): a change writes
 *   one page of it instead of a table page and an index page, and a take's changes are read
 *   together. `seq` numbers a take's changes in the order they were made.
 */
export function up(db: Database): void {
  db.exec(`
    DROP INDEX takes_rehearsals;
    DROP INDEX takes_by_number;
    DROP INDEX takes_by_reason;
    DROP INDEX takes_by_duration;
    DROP INDEX takes_by_note;
    DROP INDEX takes_by_outcome;
    DROP INDEX plans_by_song;

    CREATE TABLE take_outcome_history_by_take (
      take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
      seq INTEGER NOT NULL,
      changed_at INTEGER NOT NULL,
      changed_by TEXT NOT NULL DEFAULT '',
      before_outcome TEXT NOT NULL,
      after_outcome TEXT NOT NULL,
      before_reason TEXT,
      after_reason TEXT,
      PRIMARY KEY (take_id, seq)
    ) STRICT, WITHOUT ROWID;
    INSERT INTO take_outcome_history_by_take
      SELECT take_id, row_number() OVER (PARTITION BY take_id ORDER BY changed_at, id), changed_at, changed_by,
        before_outcome, after_outcome, before_reason, after_reason
      FROM take_outcome_history;
    DROP TABLE take_outcome_history;
    ALTER TABLE take_outcome_history_by_take RENAME TO take_outcome_history;
  `);
}
