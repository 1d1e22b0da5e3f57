import type { Db } from '../db/open';
import { statement } from '../db/statements';

/** What changed since the review last looked, by kind: the ids to read again. */
export interface Changes {
  takes: Set<number>;
  plans: Set<number>;
  people: Set<number>;
  venues: Set<number>;
}

/**
 * Temp triggers note each change to what the review shows. The temp schema lives in this
 * connection's memory: nothing reaches the WAL, so a take's commit writes no extra page, and a
 * rolled-back change leaves no note. Every write through this connection is seen, whatever code path
 * it took; a commit by another connection shows in PRAGMA data_version. Notes are read past a mark
 * rather than deleted, so looking at the review is not itself a change.
 */
const WATCH_CHANGES = `
  CREATE TEMP TABLE IF NOT EXISTS review_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, id INTEGER NOT NULL);
  CREATE TEMP TRIGGER IF NOT EXISTS review_take_added AFTER INSERT ON main.takes
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_take_changed
    AFTER UPDATE OF plan_id, number, rehearsal, go_at, ended_at, outcome, failure_reason, note ON main.takes
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_take_removed AFTER DELETE ON main.takes
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', old.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_mark_added AFTER INSERT ON main.take_marks
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', new.take_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_mark_changed AFTER UPDATE OF take_id, note ON main.take_marks
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', old.take_id), ('take', new.take_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_mark_removed AFTER DELETE ON main.take_marks
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('take', old.take_id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_plan_added AFTER INSERT ON main.plans
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('plan', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_plan_changed AFTER UPDATE OF artist_id, song, venue_id ON main.plans
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('plan', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_person_added AFTER INSERT ON main.people
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('person', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_person_changed AFTER UPDATE OF name, name_alt ON main.people
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('person', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_venue_added AFTER INSERT ON main.venues
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('venue', new.id); END;
  CREATE TEMP TRIGGER IF NOT EXISTS review_venue_changed AFTER UPDATE OF name ON main.venues
    BEGIN INSERT INTO review_changes (kind, id) VALUES ('venue', new.id); END;
`;

const noChanges = (): Changes => ({ takes: new Set(), plans: new Set(), people: new Set(), venues: new Set() });

/** Notes read are pruned once this many pile up (a prune counts as one change for the quit backup). */
const PRUNE_AFTER = 10_000;

/**
 * What to read again: the noted ids, or everything (another connection committed, which this
 * connection's triggers cannot see, or the notes themselves were lost).
 */
export type Noted = Changes | 'everything';

/** Reads the notes on one connection: each read returns what was noted since the one before. */
export class ChangeNotes {
  private seen = 0;
  private pruned = 0;
  /** PRAGMA data_version: it moves only when another connection commits. */
  private version: number;

  /**
   * Starts noting; what was committed before is the caller's to load. Create it outside any
   * transaction: a rollback would take the temp table and triggers back (read() then recovers).
   * A read-only store is never written through this connection, so it needs no triggers.
   */
  constructor(private readonly db: Db) {
    this.watch();
    this.version = this.dataVersion();
  }

  private watch(): void {
    if (this.db.readonly) return;
    this.db.exec(WATCH_CHANGES);
    this.seen = this.pruned = (statement(this.db, 'SELECT max(seq) FROM temp.review_changes').pluck().get() as number | null) ?? 0;
  }

  private dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  read(): Noted {
    const changes = noChanges();
    const version = this.dataVersion();
    if (version !== this.version) {
      this.version = version;
      this.watch(); // everything is read again: the notes so far are covered
      return 'everything';
    }
    if (this.db.readonly) return changes;
    const sets = { take: changes.takes, plan: changes.plans, person: changes.people, venue: changes.venues } as const;
    let rows: [number, keyof typeof sets, number][];
    try {
      rows = statement(this.db, 'SELECT seq, kind, id FROM temp.review_changes WHERE seq > ?').raw().all(this.seen) as [number, keyof typeof sets, number][];
    } catch (error) {
      if (!/no such table/.test((error as Error).message)) throw error;
      this.watch(); // created in a transaction that rolled back: watch again, and read everything
      return 'everything';
    }
    for (const [seq, kind, id] of rows) {
      sets[kind].add(id);
      this.seen = seq;
    }
    if (this.seen - this.pruned > PRUNE_AFTER) {
      statement(this.db, 'DELETE FROM temp.review_changes WHERE seq <= ?').run(this.seen);
      this.pruned = this.seen;
    }
    return changes;
  }
}


/**
 * Notes read on another thread (the host's, from its connection's ChangeNotes) and posted to the
 * review's thread, whose read-only connection cannot note anything itself: they gather here
 * until the index next reads them. Everything to read again covers whatever else was noted.
 */
export class PostedNotes {
  private gathered: Noted = noChanges();

  add(noted: Noted): void {
    const gathered = this.gathered;
    if (gathered === 'everything') return;
    if (noted === 'everything') {
      this.gathered = 'everything';
      return;
    }
    for (const id of noted.takes) gathered.takes.add(id);
    for (const id of noted.plans) gathered.plans.add(id);
    for (const id of noted.people) gathered.people.add(id);
    for (const id of noted.venues) gathered.venues.add(id);
  }

  read(): Noted {
    const gathered = this.gathered;
    this.gathered = noChanges();
    return gathered;
  }
}
