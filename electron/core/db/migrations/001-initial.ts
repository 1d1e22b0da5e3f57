import type { Database } from 'better-sqlite3';

/** The first schema: roster, venues, plans with ordered members, takes with marks, settings. */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      name_alt TEXT NOT NULL DEFAULT '',
      roles TEXT NOT NULL DEFAULT '[]',
      contact TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE venues (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      address TEXT NOT NULL DEFAULT '',
      area TEXT NOT NULL DEFAULT '',
      notes TEXT NOT NULL DEFAULT '',
      created_at INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE plans (
      id INTEGER PRIMARY KEY,
      artist_id INTEGER NOT NULL REFERENCES people(id),
      song TEXT NOT NULL,
      song_length_ms INTEGER,
      venue_id INTEGER REFERENCES venues(id),
      shoot_date TEXT,
      call_time TEXT,
      countdown_ms INTEGER NOT NULL CHECK (countdown_ms > 0),
      warning_ms INTEGER NOT NULL CHECK (warning_ms >= 0),
      danger_ms INTEGER NOT NULL CHECK (danger_ms >= 0),
      notes TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'ready', 'shot')),
      run_order INTEGER NOT NULL,
      archived INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX plans_by_day ON plans (shoot_date, run_order);

    CREATE TABLE plan_members (
      plan_id INTEGER NOT NULL REFERENCES plans(id) ON DELETE CASCADE,
      person_id INTEGER NOT NULL REFERENCES people(id),
      role TEXT NOT NULL CHECK (role IN ('dancer', 'guest')),
      position INTEGER NOT NULL,
      PRIMARY KEY (plan_id, role, position)
    ) STRICT;

    CREATE TABLE takes (
      id INTEGER PRIMARY KEY,
      plan_id INTEGER NOT NULL REFERENCES plans(id),
      number INTEGER,
      rehearsal INTEGER NOT NULL DEFAULT 0 CHECK (rehearsal IN (0, 1)),
      run INTEGER NOT NULL,
      countdown_started_at INTEGER,
      go_at INTEGER NOT NULL,
      ended_at INTEGER,
      outcome TEXT NOT NULL DEFAULT 'pending'
        CHECK (outcome IN ('pending', 'succeeded', 'failed', 'aborted', 'interrupted')),
      failure_reason TEXT
        CHECK (failure_reason IN ('vocal', 'choreography', 'camera', 'sound', 'lighting', 'interruption', 'other')),
      note TEXT NOT NULL DEFAULT '',
      logged_by TEXT NOT NULL DEFAULT '',
      recovered INTEGER NOT NULL DEFAULT 0 CHECK (recovered IN (0, 1)),
      created_at INTEGER NOT NULL,
      UNIQUE (run)
    ) STRICT;
    CREATE INDEX takes_by_plan ON takes (plan_id, go_at);
    CREATE INDEX takes_by_go ON takes (go_at);

    CREATE TABLE take_marks (
      id INTEGER PRIMARY KEY,
      take_id INTEGER NOT NULL REFERENCES takes(id) ON DELETE CASCADE,
      at_ms INTEGER NOT NULL CHECK (at_ms >= 0),
      note TEXT NOT NULL,
      created_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX marks_by_take ON take_marks (take_id, at_ms);

    CREATE TABLE countdown (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      state TEXT NOT NULL,
      message TEXT NOT NULL DEFAULT ''
    ) STRICT;
  `);
}
