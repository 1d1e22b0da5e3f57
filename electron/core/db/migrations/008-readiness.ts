import type { Database } from 'better-sqlite3';

/**
 * Go / no-go. `departments`: each with its own link token (random, shown to the operator as a
 * link and a QR code; replaced on rotation, so an old link stops at once). `readiness_log`: every
 * change, start, hold and release, keyed by the countdown's run, which is also the take's
 * (takes.run is unique), so a take's detail shows who was ready when. The shoot starts with the
 * usual five departments; the operator renames, adds or removes them.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE departments (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
      position INTEGER NOT NULL,
      token TEXT NOT NULL UNIQUE CHECK (length(token) >= 16),
      ready INTEGER NOT NULL DEFAULT 0 CHECK (ready IN (0, 1)),
      changed_at INTEGER
    ) STRICT;

    CREATE TABLE readiness_log (
      id INTEGER PRIMARY KEY,
      run INTEGER,
      plan_id INTEGER,
      at INTEGER NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('ready', 'not-ready', 'start', 'hold', 'release')),
      departments TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX readiness_log_by_run ON readiness_log(run);
  `);
  const insert = db.prepare("INSERT INTO departments (name, position, token) VALUES (?, ?, lower(hex(randomblob(16))))");
  ['Camera', 'Sound', 'Lighting', 'Stage', 'Artist care'].forEach((name, position) => insert.run(name, position));
}
