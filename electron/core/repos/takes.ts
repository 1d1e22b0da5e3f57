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

export function getTake(db: Db, id: number): Take | undefined {
  return getTakeWithPlan(db, id)?.take;
}

/** A take and its plan's status, in one statement with its marks: this read is inside every outcome commit. */
export function getTakeWithPlan(db: Db, id: number): { take: Take; planStatus: PlanStatus } | undefined {
  // CAST: a bare id parameter in a join is recompiled on every run (see db/statements.test.ts).
  const row = statement(db, 
      `SELECT ${TAKE_COLUMNS}, p.status AS plan_status,
         (SELECT json_group_array(json_array(id, at_ms, note) ORDER BY at_ms, id) FROM take_marks WHERE take_id = t.id) AS marks_json
       ${TAKES_WITH_NAMES}
       WHERE t.id = CAST(? AS INTEGER)`,
    )
    .get(id) as (TakeRecord & { marks_json: string; plan_status: PlanStatus }) | undefined;
  if (!row) return undefined;
  const marks = (JSON.parse(row.marks_json) as [number, number, string][]).map(([markId, atMs, note]) => ({ id: markId, takeId: id, atMs, note }));
  return { take: rowToTake(row, marks), planStatus: row.plan_status };
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
  outcome: Outcome;
  failureReason: FailureReason | null;
  note?: string | undefined;
  changedBy: string;
}

/**
 * Sets a take's outcome. When the outcome or reason moves, the change goes into the history and
 * the take is "logged by" whoever made it, as named in Settings at that moment. Returns who that is.
 */
export function setOutcome(db: Db, before: Take, change: OutcomeChange, now: number): string {
  const logged = before.outcome !== change.outcome || before.failureReason !== change.failureReason;
  const loggedBy = logged ? change.changedBy : before.loggedBy;
  statement(db, 'UPDATE takes SET outcome = ?, failure_reason = ?, note = coalesce(?, note), logged_by = ? WHERE id = ?').run(
    change.outcome,
    change.failureReason,
    change.note ?? null,
    loggedBy,
    before.id,
  );
  if (logged) {
    statement(db, 
      `INSERT INTO take_outcome_history (take_id, seq, changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason)
       VALUES (@take, (SELECT coalesce(max(seq), 0) + 1 FROM take_outcome_history WHERE take_id = CAST(@take AS INTEGER)), @now, @by, @before, @after, @beforeReason, @afterReason)`,
    ).run({
      take: before.id,
      now,
      by: change.changedBy,
      before: before.outcome,
      after: change.outcome,
      beforeReason: before.failureReason,
      afterReason: change.failureReason,
    });
  }
  return loggedBy;
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

/** Takes still open when the app stopped: the person resolving them sees "interrupted". */
export function interruptOpenTakes(db: Db): number {
  return statement(db, `UPDATE takes SET outcome = 'interrupted' WHERE outcome = 'pending' AND ended_at IS NULL`).run().changes;
}
