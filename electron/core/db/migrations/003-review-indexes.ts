import type { Database } from 'better-sqlite3';

/**
 * Indexes for reviewing 100,000 takes: each sortable column has one that yields takes in that
 * order (so a first page is read, not sorted), and plans are found by artist and by venue.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE INDEX plans_by_artist ON plans (artist_id);
    CREATE INDEX plans_by_venue ON plans (venue_id);
    CREATE INDEX plans_by_song ON plans (song COLLATE NOCASE);
    CREATE INDEX people_by_name ON people (name COLLATE NOCASE);
    CREATE INDEX venues_by_name ON venues (name COLLATE NOCASE);

    -- Partial: only a query that asks for rehearsals can use it (an index on rehearsal alone would
    -- tempt the planner away from takes_by_plan when counting a plan's real takes).
    CREATE INDEX takes_rehearsals ON takes (go_at) WHERE rehearsal = 1;
    CREATE INDEX takes_by_number ON takes (number, go_at, plan_id, outcome);
    CREATE INDEX takes_by_reason ON takes (failure_reason, go_at);
    CREATE INDEX takes_by_duration ON takes ((ended_at - go_at), go_at);
    CREATE INDEX takes_by_note ON takes (note COLLATE NOCASE, go_at);
    -- Sorting by outcome (then reason), and the summary's counts by outcome and reason with
    -- lengths, read from this one index alone.
    CREATE INDEX takes_by_outcome ON takes (outcome, failure_reason, go_at, ended_at, rehearsal);
  `);
}
