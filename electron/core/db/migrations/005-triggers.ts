import type { Database } from 'better-sqlite3';

/**
 * Show control: trigger lists and what each firing did.
 *
 * - `triggers`: one row per trigger; plan_id NULL is the shoot's list. The action's settings are
 *   JSON checked by shared/contract/triggers.ts on the way in and on the way out.
 * - `trigger_overrides`: a plan listed here fires its own list (even an empty one), not the shoot's.
 * - `trigger_results`: one row per firing, keyed by the countdown's run, which is also the take's
 *   (takes.run is unique): a result written before GO (armed, seconds before) finds its take the
 *   moment the take exists, and a firing never waits for the GO commit to know where to go.
 *   trigger_id has no foreign key: a trigger edited away keeps its history.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE triggers (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER REFERENCES plans(id) ON DELETE CASCADE,
      position INTEGER NOT NULL,
      spec TEXT NOT NULL CHECK (json_valid(spec))
    ) STRICT;
    CREATE INDEX triggers_by_plan ON triggers(plan_id, position);

    CREATE TABLE trigger_overrides (
      plan_id INTEGER PRIMARY KEY REFERENCES plans(id) ON DELETE CASCADE
    ) STRICT;

    CREATE TABLE trigger_results (
      id INTEGER PRIMARY KEY,
      run INTEGER NOT NULL,
      plan_id INTEGER,
      trigger_id INTEGER,
      name TEXT NOT NULL,
      event TEXT NOT NULL CHECK (event IN ('armed', 'before', 'go', 'ended', 'outcome')),
      kind TEXT NOT NULL CHECK (kind IN ('osc', 'http', 'hyperdeck')),
      status TEXT NOT NULL CHECK (status IN ('sent', 'acknowledged', 'failed')),
      detail TEXT NOT NULL DEFAULT '',
      fired_at INTEGER NOT NULL,
      late_ms REAL NOT NULL,
      clip TEXT,
      timecode TEXT
    ) STRICT;
    CREATE INDEX trigger_results_by_run ON trigger_results(run);
  `);
}
