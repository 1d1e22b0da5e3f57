import type { Db } from '../db/open';
import type { FailureReason, Mark, Outcome, Plan, Take } from '../../../shared/schemas';
import type { OutcomeChange as OutcomeChangeEntry } from '../../../shared/contract/takes';
import { statement } from '../db/statements';
import { searchKey } from '../../../shared/text';

type PlanStatus = Plan['status'];

/** A take as stored, with its performance's names joined in. */
export interface TakeRecord {
  id: number;
  plan_id: number;
  number: number | null;
  rehearsal: number;
  countdown_started_at: number | null;
  go_at: number;
  ended_at: number | null;
  outcome: Outcome;
  failure_reason: FailureReason | null;
  note: string;
  logged_by: string;
  recovered: number;
  artist: string;
  song: string;
  venue: string | null;
}

export interface MarkRow {
  id: number;
  take_id: number;
  at_ms: number;
  note: string;
}

const TAKE_COLUMNS = 't.*, a.name AS artist, p.song, v.name AS venue';
const TAKES_WITH_NAMES = `
  FROM takes t JOIN plans p ON p.id = t.plan_id JOIN people a ON a.id = p.artist_id
  LEFT JOIN venues v ON v.id = p.venue_id`;
export const SELECT_TAKES = `SELECT ${TAKE_COLUMNS} ${TAKES_WITH_NAMES}`;

export function rowToTake(row: TakeRecord, marks: Mark[]): Take {
  return {
    id: row.id,
    planId: row.plan_id,
    number: row.number,
    rehearsal: row.rehearsal === 1,
    artist: row.artist,
    song: row.song,
    venue: row.venue ?? '',
    countdownStartedAt: row.countdown_started_at,
    goAt: row.go_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    failureReason: row.failure_reason,
    note: row.note,
    loggedBy: row.logged_by,
    recovered: row.recovered === 1,
    marks,
  };
}

export function rowToMark(row: MarkRow): Mark {
  return { id: row.id, takeId: row.take_id, atMs: row.at_ms, note: row.note };
}

/** The marks of the given takes, each take's in time order. */
export function marksFor(db: Db, takeIds: number[]): Map<number, Mark[]> {
  const byTake = new Map<number, Mark[]>();
  if (takeIds.length === 0) return byTake;
  // One statement for any number of takes, compiled once (see db/statements.test.ts).
  const rows = statement(db, 'SELECT * FROM take_marks WHERE take_id IN (SELECT value FROM json_each(?)) ORDER BY take_id, at_ms, id')
    .all(JSON.stringify(takeIds)) as MarkRow[];
  for (const row of rows) {
    const forTake = byTake.get(row.take_id);
    if (forTake) forTake.push(rowToMark(row));
    else byTake.set(row.take_id, [rowToMark(row)]);
  }
  return byTake;
}

export interface TakeQuery {
  planId?: number | undefined;
  outcome?: Outcome | undefined;
  text?: string | undefined;
  limit: number;
}

export function listTakes(db: Db, q: TakeQuery): Take[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (q.planId !== undefined) {
    where.push('t.plan_id = CAST(? AS INTEGER)'); // see db/statements.test.ts
    params.push(q.planId);
  }
  if (q.outcome !== undefined) {
    where.push('t.outcome = ?');
    params.push(q.outcome);
  }
  if (q.text) {
    // The review's rule (search_key: NFC, lower case in every script with case); instr() keeps
    // user text out of LIKE patterns, so % and _ match literally.
    where.push(`(instr(search_key(t.note), ?) > 0 OR instr(search_key(a.name), ?) > 0 OR instr(search_key(a.name_alt), ?) > 0
      OR instr(search_key(p.song), ?) > 0
      OR EXISTS (SELECT 1 FROM take_marks m WHERE m.take_id = t.id AND instr(search_key(m.note), ?) > 0))`);
    const key = searchKey(q.text);
    params.push(key, key, key, key, key);
  }
  const sql = `${SELECT_TAKES} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY t.go_at DESC, t.id DESC LIMIT CAST(? AS INTEGER)`;
  const rows = statement(db, sql).all(...params, q.limit) as TakeRecord[];
  const marks = marksFor(db, rows.map((r) => r.id));
  return rows.map((row) => rowToTake(row, marks.get(row.id) ?? []));
}

/** A take with its names and marks, in one statement. */
export function getTake(db: Db, id: number): Take | undefined {
  // CAST: a bare id parameter in a join is recompiled on every run (see db/statements.test.ts).
  const row = statement(db,
      `SELECT ${TAKE_COLUMNS},
         (SELECT json_group_array(json_array(id, at_ms, note) ORDER BY at_ms, id) FROM take_marks WHERE take_id = t.id) AS marks_json
       ${TAKES_WITH_NAMES}
       WHERE t.id = CAST(? AS INTEGER)`,
    )
    .get(id) as (TakeRecord & { marks_json: string }) | undefined;
  if (!row) return undefined;
  const marks = (JSON.parse(row.marks_json) as [number, number, string][]).map(([markId, atMs, note]) => ({ id: markId, takeId: id, atMs, note }));
  return rowToTake(row, marks);
}

export interface NewTake {
  planId: number;
  run: number;
  rehearsal: boolean;
  countdownStartedAt: number | null;
  goAt: number;
  loggedBy: string;
  recovered: boolean;
}

/** Opens the take at GO; numbered per plan, rehearsals left unnumbered. Idempotent per countdown run. */
export function insertTake(db: Db, t: NewTake, now: number): number {
  const existing = statement(db, 'SELECT id FROM takes WHERE run = ?').get(t.run) as { id: number } | undefined;
  if (existing) return existing.id;
  const number = t.rehearsal
    ? null
    : (statement(db, 'SELECT count(*) + 1 AS n FROM takes WHERE plan_id = ? AND rehearsal = 0').get(t.planId) as { n: number }).n;
  const info = statement(db, 
      `INSERT INTO takes (plan_id, number, rehearsal, run, countdown_started_at, go_at, logged_by, recovered, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(t.planId, number, t.rehearsal ? 1 : 0, t.run, t.countdownStartedAt, t.goAt, t.loggedBy, t.recovered ? 1 : 0, now);
  return Number(info.lastInsertRowid);
}

export function endTake(db: Db, id: number, endedAt: number): void {
  statement(db, 'UPDATE takes SET ended_at = coalesce(ended_at, ?) WHERE id = ?').run(endedAt, id);
}

export interface OutcomeChange {
  id: number;
  outcome: Outcome;
  /** As given: a failure without one keeps the take's reason, or files it under "other". */
  failureReason?: FailureReason | null | undefined;
  note?: string | undefined;
  changedBy: string;
}

/** The take as one outcome change left it, and what the commit needs to know of its plan. */
export interface WrittenOutcome {
  number: number | null;
  failureReason: FailureReason | null;
  note: string;
  loggedBy: string;
  planId: number;
  rehearsal: boolean;
  planStatus: PlanStatus;
}

// The reason a change leaves on the take, worked out in SQL from the one it had.
const AFTER_REASON = `CASE WHEN @outcome = 'failed' THEN coalesce(@reason, failure_reason, 'other') END`;

/** The history row an outcome change leaves, copied from the take as it was (see writeOutcome). */
const LOG_OUTCOME_CHANGE = `INSERT INTO take_outcome_history (take_id, seq, changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason)
    SELECT id, (SELECT coalesce(max(seq), 0) + 1 FROM take_outcome_history WHERE take_id = CAST(@id AS INTEGER)), @now, @by, outcome, @outcome, failure_reason, after_reason
    FROM (SELECT id, outcome, failure_reason, ${AFTER_REASON} AS after_reason FROM takes WHERE id = CAST(@id AS INTEGER))
    WHERE outcome IS NOT @outcome OR failure_reason IS NOT after_reason`;

/** The take's new outcome, handing back what it now holds (see writeOutcome). */
const WRITE_OUTCOME = `UPDATE takes SET outcome = @outcome, failure_reason = ${AFTER_REASON}, note = coalesce(@note, note),
       logged_by = CASE WHEN @logged THEN @by ELSE logged_by END
     WHERE id = CAST(@id AS INTEGER)
     RETURNING number, failure_reason, note, logged_by, plan_id, rehearsal, (SELECT status FROM plans WHERE id = plan_id) AS plan_status`;

/**
 * Sets a take's outcome in two statements and no read: the history row is copied from the take
 * as it was (only when the outcome or reason moves), then the take is updated and hands back what
 * it now holds. A moved outcome is "logged by" whoever made it, as named in Settings at that moment.
 * Undefined when there is no such take (nothing was written).
 */
export function writeOutcome(db: Db, change: OutcomeChange, now: number): WrittenOutcome | undefined {
  const params = { id: change.id, outcome: change.outcome, reason: change.failureReason ?? null, note: change.note ?? null, by: change.changedBy, now };
  const logged = statement(db, LOG_OUTCOME_CHANGE).run(params).changes;
  const row = statement(db, WRITE_OUTCOME).get({ ...params, logged: logged > 0 ? 1 : 0 }) as
    | { number: number | null; failure_reason: FailureReason | null; note: string; logged_by: string; plan_id: number; rehearsal: number; plan_status: PlanStatus }
    | undefined;
  if (!row) return undefined;
  return { number: row.number, failureReason: row.failure_reason, note: row.note, loggedBy: row.logged_by, planId: row.plan_id, rehearsal: row.rehearsal === 1, planStatus: row.plan_status };
}

export function insertMark(db: Db, takeId: number, atMs: number, note: string, now: number): void {
  statement(db, 'INSERT INTO take_marks (take_id, at_ms, note, created_at) VALUES (?, ?, ?, ?)').run(takeId, atMs, note, now);
}

export function getMark(db: Db, id: number): Mark | undefined {
  const row = statement(db, 'SELECT * FROM take_marks WHERE id = ?').get(id) as MarkRow | undefined;
  return row && rowToMark(row);
}

export function updateMark(db: Db, mark: Mark): void {
  statement(db, 'UPDATE take_marks SET at_ms = ?, note = ? WHERE id = ?').run(mark.atMs, mark.note, mark.id);
}

export function deleteMark(db: Db, id: number): void {
  statement(db, 'DELETE FROM take_marks WHERE id = ?').run(id);
}

/** A take's outcome changes, in the order they were made. */
export function outcomeHistory(db: Db, takeId: number): OutcomeChangeEntry[] {
  return statement(db, 
      `SELECT changed_at AS changedAt, changed_by AS changedBy, before_outcome AS beforeOutcome, after_outcome AS afterOutcome,
         before_reason AS beforeReason, after_reason AS afterReason
       FROM take_outcome_history WHERE take_id = CAST(? AS INTEGER) ORDER BY seq`,
    )
    .all(takeId) as OutcomeChangeEntry[];
}

/** A take still running: nobody ended it and nobody logged how it went. */
export const OPEN_TAKE = "outcome = 'pending' AND ended_at IS NULL";

/**
 * Takes still open when the app stopped: the person resolving them sees "interrupted". `known`:
 * the ids the start-up check found (in its worker); without them every take is read here.
 */
export function interruptOpenTakes(db: Db, known: readonly number[] | null = null): number {
  if (known === null) return statement(db, `UPDATE takes SET outcome = 'interrupted' WHERE ${OPEN_TAKE}`).run().changes;
  const update = statement(db, `UPDATE takes SET outcome = 'interrupted' WHERE id = ? AND ${OPEN_TAKE}`);
  let changed = 0;
  for (const id of known) changed += update.run(id).changes;
  return changed;
}
