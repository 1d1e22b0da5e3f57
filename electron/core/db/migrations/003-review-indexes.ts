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

    CREATE INDEX takes_by_rehearsal ON takes (rehearsal, go_at);
    CREATE INDEX takes_by_number ON takes (number, go_at, plan_id, outcome);
    CREATE INDEX takes_by_outcome ON takes (outcome, go_at);
    CREATE INDEX takes_by_reason ON takes (failure_reason, go_at);
    CREATE INDEX takes_by_duration ON takes ((ended_at - go_at), go_at);
    CREATE INDEX takes_by_note ON takes (note COLLATE NOCASE, go_at);
    -- The summary's counts by outcome and reason, with lengths, read from this index alone.
    CREATE INDEX takes_for_summary ON takes (outcome, failure_reason, rehearsal, go_at, ended_at);
  `);
}
