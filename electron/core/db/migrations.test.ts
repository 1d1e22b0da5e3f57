import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from './open';
import { DB_FILE, openDatabase, openFile } from './open';
import { migrate, migrations, NewerDatabaseError, SCHEMA_VERSION } from './migrations/index';
import { makeTempDir, T0 } from '../test-harness';

let dir: string;
let file: string;
const opened: Db[] = [];

function track(db: Db): Db {
  opened.push(db);
  return db;
}

/** A raw connection with the app's pragmas but no migrations run. */
function rawDb(): Db {
  return track(openFile(file));
}

const userVersion = (db: Db) => db.pragma('user_version', { simple: true }) as number;
const tableNames = (db: Db) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];

beforeEach(() => {
  dir = makeTempDir();
  file = path.join(dir, DB_FILE);
});

afterEach(() => {
  for (const db of opened.splice(0)) if (db.open) db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Rows a user could have at each version, and what must hold once the next step has run. */
interface StepCase {
  seed(db: Db): void;
  check(db: Db): void;
}

const stepCases: Record<number, StepCase> = {
  1: {
    seed: () => {}, // version 0 is an empty file: nothing to keep
    check(db) {
      expect(tableNames(db)).toEqual(
        expect.arrayContaining(['settings', 'people', 'venues', 'plans', 'plan_members', 'takes', 'take_marks', 'countdown']),
      );
      db.prepare("INSERT INTO people (id, name, roles, created_at) VALUES (1, 'AKMU', '[\"artist\"]', ?)").run(T0);
      db.prepare("INSERT INTO venues (id, name, created_at) VALUES (1, 'KBS Hall', ?)").run(T0);
      db.prepare(
        `INSERT INTO plans (id, artist_id, song, venue_id, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
         VALUES (1, 1, 'Love Lee', 1, 60000, 30000, 10000, 1, ?, ?)`,
      ).run(T0, T0);
      db.prepare("INSERT INTO takes (plan_id, number, run, go_at, created_at) VALUES (1, 1, 1, ?, ?)").run(T0, T0);
      expect(db.prepare('SELECT outcome FROM takes').pluck().get()).toBe('pending');
      // Foreign keys hold: a plan for a person who does not exist is refused.
      expect(() =>
        db.prepare(
          `INSERT INTO plans (artist_id, song, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
           VALUES (999, 'Ghost', 60000, 0, 0, 2, 0, 0)`,
        ).run(),
      ).toThrow(/FOREIGN KEY/);
    },
  },
  2: {
    seed(db) {
      db.prepare("INSERT INTO people (id, name, name_alt, roles, created_at) VALUES (1, 'Sumi Jo', '조수미', '[\"artist\"]', ?)").run(T0);
      db.prepare(
        `INSERT INTO plans (id, artist_id, song, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
         VALUES (1, 1, 'Ave Maria', 120000, 60000, 10000, 1, ?, ?)`,
      ).run(T0, T0);
      db.prepare(
        "INSERT INTO takes (id, plan_id, number, run, go_at, outcome, failure_reason, created_at) VALUES (7, 1, 1, 3, ?, 'failed', 'vocal', ?)",
      ).run(T0, T0);
      db.prepare("INSERT INTO take_marks (take_id, at_ms, note, created_at) VALUES (7, 95000, 'High note cracked', ?)").run(T0);
    },
    check(db) {
      expect(db.prepare('SELECT name_alt FROM people WHERE id = 1').pluck().get()).toBe('조수미');
      expect(db.prepare('SELECT outcome, failure_reason FROM takes WHERE id = 7').get()).toEqual({ outcome: 'failed', failure_reason: 'vocal' });
      expect(db.prepare('SELECT note FROM take_marks WHERE take_id = 7').pluck().get()).toBe('High note cracked');
      db.prepare(
        `INSERT INTO take_outcome_history (take_id, changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason)
         VALUES (7, ?, 'Ji-ho', 'pending', 'failed', NULL, 'vocal')`,
      ).run(T0 + 1000);
      expect(db.prepare('SELECT after_outcome FROM take_outcome_history WHERE take_id = 7').pluck().all()).toEqual(['failed']);
      expect(() =>
        db.prepare("INSERT INTO take_outcome_history (take_id, changed_at, before_outcome, after_outcome) VALUES (999, 0, 'pending', 'failed')").run(),
      ).toThrow(/FOREIGN KEY/);
    },
  },
  3: {
    seed(db) {
      db.prepare("INSERT INTO people (id, name, roles, created_at) VALUES (1, '아이유', '[\"artist\"]', ?)").run(T0);
      db.prepare(
        `INSERT INTO plans (id, artist_id, song, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
         VALUES (1, 1, '밤편지', 60000, 30000, 10000, 1, ?, ?)`,
      ).run(T0, T0);
      db.prepare("INSERT INTO takes (id, plan_id, number, run, go_at, ended_at, outcome, created_at) VALUES (3, 1, 1, 1, ?, ?, 'succeeded', ?)").run(
        T0,
        T0 + 245_000,
        T0,
      );
    },
    check(db) {
      expect(db.prepare('SELECT song FROM plans WHERE id = 1').pluck().get()).toBe('밤편지');
      expect(db.prepare('SELECT ended_at - go_at FROM takes WHERE id = 3').pluck().get()).toBe(245_000);
      const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().all();
      expect(indexes).toEqual(expect.arrayContaining(['plans_by_artist', 'people_by_name', 'takes_by_duration', 'takes_by_outcome']));
      // Sorting by length reads the new index in order instead of sorting every take.
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM takes t ORDER BY (t.ended_at - t.go_at) DESC, t.go_at DESC LIMIT 200').all() as { detail: string }[];
      expect(plan.map((p) => p.detail).join(' ')).toMatch(/takes_by_duration/);
    },
  },
  4: {
    seed(db) {
      stepCases[3]!.seed(db);
      db.prepare("INSERT INTO take_marks (take_id, at_ms, note, created_at) VALUES (3, 133000, '드론 그림자', ?)").run(T0);
      const change = db.prepare(
        `INSERT INTO take_outcome_history (take_id, changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason)
         VALUES (3, ?, ?, ?, ?, ?, NULL)`,
      );
      change.run(T0 + 2000, 'Min', 'failed', 'succeeded', 'vocal');
      change.run(T0 + 1000, '지호', 'pending', 'failed', null); // written out of order: the time decides
    },
    check(db) {
      expect(db.prepare('SELECT outcome, ended_at - go_at FROM takes WHERE id = 3').raw().get()).toEqual(['succeeded', 245_000]);
      expect(db.prepare('SELECT note FROM take_marks WHERE take_id = 3').pluck().get()).toBe('드론 그림자');
      // An outcome change now writes the take's row and nothing beside it on the takes side.
      const takeIndexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'takes' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();
      expect(takeIndexes).toEqual(['takes_by_go', 'takes_by_plan']);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('people_by_name', 'venues_by_name', 'plans_by_artist')").pluck().get()).toBe(3);
      // The history is kept, numbered per take in the order it happened, in one b-tree.
      expect(db.prepare('SELECT seq, changed_by, before_outcome, after_outcome, before_reason FROM take_outcome_history ORDER BY take_id, seq').raw().all()).toEqual([
        [1, '지호', 'pending', 'failed', null],
        [2, 'Min', 'failed', 'succeeded', 'vocal'],
      ]);
      expect(db.prepare("SELECT wr, strict FROM pragma_table_list WHERE name = 'take_outcome_history'").raw().get()).toEqual([1, 1]);
      expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE tbl_name = 'take_outcome_history' AND type = 'index' AND name NOT LIKE 'sqlite_%'").pluck().get()).toBe(0);
      expect(() => db.prepare("INSERT INTO take_outcome_history (take_id, seq, changed_at, before_outcome, after_outcome) VALUES (999, 1, 0, 'pending', 'failed')").run()).toThrow(/FOREIGN KEY/);
    },
  },
  5: {
    seed: (db) => stepCases[3]!.seed(db),
    check(db) {
      expect(db.prepare('SELECT outcome, run FROM takes WHERE id = 3').raw().get()).toEqual(['succeeded', 1]);
      const spec = JSON.stringify({ name: 'Deck A', event: 'go', action: { kind: 'hyperdeck', host: '10.0.0.9', command: 'record' } });
      db.prepare('INSERT INTO triggers (plan_id, position, spec) VALUES (NULL, 0, ?), (1, 0, ?)').run(spec, spec);
      db.prepare('INSERT INTO trigger_overrides (plan_id) VALUES (1)').run();
      db.prepare(
        `INSERT INTO trigger_results (run, plan_id, trigger_id, name, event, kind, status, detail, fired_at, late_ms, clip, timecode)
         VALUES (1, 1, 1, 'Deck A', 'go', 'hyperdeck', 'acknowledged', '200 ok', ?, 0.4, '아이유_밤편지_T1', '01:00:00:00')`,
      ).run(T0);
      // A result finds its take through the run, which the take already had.
      expect(db.prepare('SELECT t.id, r.clip FROM trigger_results r JOIN takes t ON t.run = r.run').raw().get()).toEqual([3, '아이유_밤편지_T1']);
      expect(() => db.prepare("INSERT INTO triggers (plan_id, position, spec) VALUES (NULL, 1, 'not json')").run()).toThrow(/CHECK/);
      expect(() => db.prepare('INSERT INTO trigger_overrides (plan_id) VALUES (999)').run()).toThrow(/FOREIGN KEY/);
      // Deleting a plan takes its own list with it; the shoot's list stays.
      db.prepare('DELETE FROM takes').run();
      db.prepare('DELETE FROM plans WHERE id = 1').run();
      expect(db.prepare('SELECT count(*) FROM triggers').pluck().get()).toBe(1);
      expect(db.prepare('SELECT count(*) FROM trigger_overrides').pluck().get()).toBe(0);
    },
  },
  6: {
    seed(db) {
      db.prepare(
        "INSERT INTO venues (id, name, address, area, notes, created_at) VALUES (1, 'KBS Hall', '서울 영등포구 여의공원로 13', 'Yeouido', 'Rear dock', ?)",
      ).run(T0);
      db.prepare("INSERT INTO people (id, name, roles, created_at) VALUES (1, 'AKMU', '[\"artist\"]', ?)").run(T0);
      db.prepare(
        `INSERT INTO plans (id, artist_id, song, venue_id, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
         VALUES (1, 1, 'Love Lee', 1, 60000, 30000, 10000, 1, ?, ?)`,
      ).run(T0, T0);
    },
    check(db) {
      // The venue keeps everything it had, with no other-script name until one is given.
      expect(db.prepare('SELECT name, name_alt, address, area, notes FROM venues WHERE id = 1').raw().get()).toEqual([
        'KBS Hall',
        '',
        '서울 영등포구 여의공원로 13',
        'Yeouido',
        'Rear dock',
      ]);
      expect(db.prepare('SELECT venue_id FROM plans WHERE id = 1').pluck().get()).toBe(1);
      db.prepare("UPDATE venues SET name_alt = 'KBS홀' WHERE id = 1").run();
      expect(db.prepare("SELECT name FROM venues WHERE name_alt = 'KBS홀'").pluck().get()).toBe('KBS Hall');
      // STRICT still holds for the new column.
      expect(() => db.prepare('UPDATE venues SET name_alt = NULL WHERE id = 1').run()).toThrow(/NOT NULL/);
    },
  },
  7: {
    seed(db) {
      db.prepare("INSERT INTO settings (key, value) VALUES ('crewName', '김민지')").run();
    },
    check(db) {
      expect(db.prepare("SELECT value FROM settings WHERE key = 'crewName'").pluck().get()).toBe('김민지');
      // One name per device id; renaming replaces it.
      db.prepare("INSERT INTO device_names (device_id, name, updated_at) VALUES ('tab-wing-01', '윙 태블릿', ?)").run(T0);
      db.prepare(
        "INSERT INTO device_names (device_id, name, updated_at) VALUES ('tab-wing-01', 'Wing left', ?) ON CONFLICT (device_id) DO UPDATE SET name = excluded.name",
      ).run(T0);
      expect(db.prepare('SELECT name FROM device_names').pluck().all()).toEqual(['Wing left']);
      expect(() => db.prepare("INSERT INTO device_names (device_id, name, updated_at) VALUES ('x', '', 1)").run()).toThrow(/CHECK/);
      expect(() => db.prepare("INSERT INTO device_names (device_id, name, updated_at) VALUES ('y', 'z', 'soon')").run()).toThrow(/cannot store TEXT/);
    },
  },
  8: {
    seed(db) {
      db.prepare("INSERT INTO people (id, name, roles, created_at) VALUES (1, 'AKMU', '[\"artist\"]', ?)").run(T0);
      db.prepare(
        `INSERT INTO plans (id, artist_id, song, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
         VALUES (1, 1, 'Love Lee', 60000, 30000, 10000, 1, ?, ?)`,
      ).run(T0, T0);
      db.prepare('INSERT INTO takes (id, plan_id, number, run, countdown_started_at, go_at, created_at) VALUES (1, 1, 1, 4, ?, ?, ?)').run(T0, T0 + 60_000, T0);
    },
    check(db) {
      // The shoot starts with five departments, none ready, each with its own distinct link.
      const departments = db.prepare('SELECT name, ready, token FROM departments ORDER BY position').all() as { name: string; ready: number; token: string }[];
      expect(departments.map((d) => d.name)).toEqual(['Camera', 'Sound', 'Lighting', 'Stage', 'Artist care']);
      expect(departments.every((d) => d.ready === 0 && /^[0-9a-f]{32}$/.test(d.token))).toBe(true);
      expect(new Set(departments.map((d) => d.token)).size).toBe(5);
      // A hold finds its take through the run the take already had.
      db.prepare("INSERT INTO readiness_log (run, plan_id, at, kind, departments) VALUES (4, 1, ?, 'hold', 'Camera')").run(T0 + 50_000);
      expect(db.prepare('SELECT t.id, r.kind FROM readiness_log r JOIN takes t ON t.run = r.run').raw().get()).toEqual([1, 'hold']);
      expect(() => db.prepare("INSERT INTO readiness_log (at, kind) VALUES (1, 'lunch')").run()).toThrow(/CHECK/);
      expect(() => db.prepare("UPDATE departments SET token = (SELECT token FROM departments WHERE position = 0) WHERE position = 1").run()).toThrow(/UNIQUE/);
    },
  },
};

describe('migration steps', () => {
  it('has a test case for every step', () => {
    const steps = migrations.map((_, i) => i + 1);
    expect(Object.keys(stepCases).map(Number)).toEqual(steps);
    expect(SCHEMA_VERSION).toBe(migrations.length);
  });

  it.each(migrations.map((_, i) => i + 1))('step %i keeps the rows written at the version before it', (step) => {
    const db = rawDb();
    expect(migrate(db, step - 1)).toBe(step - 1);
    expect(userVersion(db)).toBe(step - 1);
    stepCases[step]!.seed(db);
    expect(migrate(db, step)).toBe(step);
    expect(userVersion(db)).toBe(step);
    stepCases[step]!.check(db);
  });
});

describe('openDatabase', () => {
  it('brings a new file to the current schema with WAL, foreign keys and synchronous=FULL', () => {
    const db = track(openDatabase(dir));
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(fs.existsSync(file)).toBe(true);
  });

  it('reopening an up-to-date store keeps its rows and runs no step again', () => {
    const first = track(openDatabase(dir));
    first.prepare("INSERT INTO settings (key, value) VALUES ('crewName', '스테이지 팀')").run();
    first.close();
    const again = track(openDatabase(dir));
    expect(userVersion(again)).toBe(SCHEMA_VERSION);
    expect(again.prepare("SELECT value FROM settings WHERE key = 'crewName'").pluck().get()).toBe('스테이지 팀');
  });

  it('makes every table STRICT, so a wrong type is refused rather than stored', () => {
    const db = track(openDatabase(dir));
    const tables = db.prepare("SELECT name, strict FROM pragma_table_list WHERE schema = 'main' AND name NOT LIKE 'sqlite_%'").all() as {
      name: string;
      strict: number;
    }[];
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const t of tables) expect({ table: t.name, strict: t.strict }).toEqual({ table: t.name, strict: 1 });
    expect(() => db.prepare("INSERT INTO people (name, created_at) VALUES ('AKMU', 'yesterday')").run()).toThrow(/cannot store TEXT value in INTEGER column/);
    expect(db.prepare('SELECT count(*) FROM people').pluck().get()).toBe(0);
  });
});

describe('all pending steps run in one transaction', () => {
  // Step 1 succeeds, step 2 fails on the table planted here: step 1 must be rolled back too.
  function plantStepTwoTable(db: Db): void {
    db.exec('CREATE TABLE take_outcome_history (planted INTEGER) STRICT');
  }

  it('migrate leaves user_version and the tables as they were when a later step fails', () => {
    const db = rawDb();
    plantStepTwoTable(db);
    expect(() => migrate(db)).toThrow(/already exists/);
    expect(userVersion(db)).toBe(0);
    expect(tableNames(db)).toEqual(['take_outcome_history']);
  });

  it('openDatabase refuses the store and leaves the file at its old version', () => {
    const db = rawDb();
    plantStepTwoTable(db);
    db.close();
    expect(() => openDatabase(dir)).toThrow(/already exists/);
    const after = track(new Database(file, { readonly: true }));
    expect(userVersion(after)).toBe(0);
    expect(tableNames(after)).toEqual(['take_outcome_history']);
  });
});

describe('a database from a newer Cuelight', () => {
  /** Writes a store the way a future version would: WAL, a table this version does not know. */
  function writeFutureStore(journalMode: 'wal' | 'delete'): Buffer {
    const db = new Database(file);
    db.pragma(`journal_mode = ${journalMode}`);
    db.exec("CREATE TABLE setlists (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT; INSERT INTO setlists (name) VALUES ('Encore')");
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    return fs.readFileSync(file);
  }

  function openRefused(): NewerDatabaseError {
    let caught: unknown;
    try {
      track(openDatabase(dir));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NewerDatabaseError);
    return caught as NewerDatabaseError;
  }

  it('is refused with a message that says to update Cuelight, and the file is left byte for byte', () => {
    const before = writeFutureStore('wal');
    const error = openRefused();
    expect(error.found).toBe(SCHEMA_VERSION + 1);
    expect(error.message).toMatch(/Update Cuelight/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    const after = track(new Database(file, { readonly: true }));
    expect(userVersion(after)).toBe(SCHEMA_VERSION + 1);
    expect(after.prepare('SELECT name FROM setlists').pluck().all()).toEqual(['Encore']);
  });

  // Known bug, reported: openFile switches the file to WAL before the version check, rewriting
  // its header, so a rollback-journal store is changed despite "the file was left untouched".
  // When db/open.ts checks user_version before setting journal_mode, turn this into `it`.
  it('leaves a rollback-journal store untouched too', () => {
    const before = writeFutureStore('delete');
    openRefused();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
