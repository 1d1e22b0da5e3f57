import type { Db } from '../db/open';
import type { Plan } from '../../../shared/schemas';
import type { PlanEntry } from '../../../shared/contract/plans';
import { rowToVenue } from './venues';
import { statement } from '../db/statements';

interface PlanRow {
  id: number;
  artist_id: number;
  artist_name: string;
  artist_name_alt: string;
  song: string;
  song_length_ms: number | null;
  venue_id: number | null;
  venue_name: string | null;
  venue_name_alt: string | null;
  venue_address: string | null;
  venue_area: string | null;
  venue_notes: string | null;
  shoot_date: string | null;
  call_time: string | null;
  countdown_ms: number;
  warning_ms: number;
  danger_ms: number;
  notes: string;
  status: Plan['status'];
  run_order: number;
  archived: number;
  take_count: number;
}

interface MemberRow {
  plan_id: number;
  person_id: number;
  role: 'dancer' | 'guest';
  name: string;
  name_alt: string;
}

const SELECT_PLANS = `
  SELECT p.*, a.name AS artist_name, a.name_alt AS artist_name_alt,
         v.name AS venue_name, v.name_alt AS venue_name_alt, v.address AS venue_address, v.area AS venue_area, v.notes AS venue_notes,
         (SELECT count(*) FROM takes t WHERE t.plan_id = p.id AND t.rehearsal = 0) AS take_count
  FROM plans p
  JOIN people a ON a.id = p.artist_id
  LEFT JOIN venues v ON v.id = p.venue_id`;

function rowToPlan(row: PlanRow, members: MemberRow[]): PlanEntry {
  const pick = (role: MemberRow['role']) =>
    members.filter((m) => m.role === role).map((m) => ({ personId: m.person_id, name: m.name, nameAlt: m.name_alt }));
  return {
    id: row.id,
    artist: { personId: row.artist_id, name: row.artist_name, nameAlt: row.artist_name_alt },
    song: row.song,
    songLengthMs: row.song_length_ms,
    venue:
      row.venue_id === null
        ? null
        : rowToVenue({
            id: row.venue_id,
            name: row.venue_name ?? '',
            name_alt: row.venue_name_alt ?? '',
            address: row.venue_address ?? '',
            area: row.venue_area ?? '',
            notes: row.venue_notes ?? '',
          }),
    shootDate: row.shoot_date,
    callTime: row.call_time,
    countdownMs: row.countdown_ms,
    warningMs: row.warning_ms,
    dangerMs: row.danger_ms,
    dancers: pick('dancer'),
    guests: pick('guest'),
    notes: row.notes,
    status: row.status,
    runOrder: row.run_order,
    takeCount: row.take_count,
    archived: row.archived === 1,
  };
}

function membersOf(db: Db, planIds: number[] | null): MemberRow[] {
  const where = planIds === null ? '' : `WHERE m.plan_id IN (${planIds.map(() => '?').join(',') || 'NULL'})`;
  return statement(db, 
      `SELECT m.plan_id, m.person_id, m.role, p.name, p.name_alt FROM plan_members m
       JOIN people p ON p.id = m.person_id ${where} ORDER BY m.plan_id, m.role, m.position`,
    )
    .all(...(planIds ?? [])) as MemberRow[];
}

/** Shoot-day run order: by date (undated last), then run order; the console's "next up" relies on it. */
export function listPlans(db: Db, options: { includeArchived?: boolean | undefined } = {}): PlanEntry[] {
  const where = options.includeArchived ? '' : 'WHERE p.archived = 0';
  const rows = statement(db, `${SELECT_PLANS} ${where} ORDER BY p.shoot_date IS NULL, p.shoot_date, p.run_order, p.id`)
    .all() as PlanRow[];
  const members = membersOf(db, null);
  const byPlan = new Map<number, MemberRow[]>();
  for (const m of members) byPlan.set(m.plan_id, [...(byPlan.get(m.plan_id) ?? []), m]);
  return rows.map((row) => rowToPlan(row, byPlan.get(row.id) ?? []));
}

export function getPlan(db: Db, id: number): PlanEntry | undefined {
  // CAST: a bare id parameter in a join is recompiled on every run (see db/statements.test.ts).
  const row = statement(db, `${SELECT_PLANS} WHERE p.id = CAST(? AS INTEGER)`).get(id) as PlanRow | undefined;
  return row && rowToPlan(row, membersOf(db, [id]));
}

export interface PlanRecord {
  artistId: number;
  song: string;
  songLengthMs: number | null;
  venueId: number | null;
  shootDate: string | null;
  callTime: string | null;
  countdownMs: number;
  warningMs: number;
  dangerMs: number;
  notes: string;
  status: Plan['status'];
  dancerIds: number[];
  guestIds: number[];
}

function planParams(p: PlanRecord) {
  return [p.artistId, p.song, p.songLengthMs, p.venueId, p.shootDate, p.callTime, p.countdownMs, p.warningMs, p.dangerMs, p.notes, p.status];
}

function writeMembers(db: Db, planId: number, p: PlanRecord): void {
  statement(db, 'DELETE FROM plan_members WHERE plan_id = ?').run(planId);
  const insert = statement(db, 'INSERT INTO plan_members (plan_id, person_id, role, position) VALUES (?, ?, ?, ?)');
  p.dancerIds.forEach((personId, i) => insert.run(planId, personId, 'dancer', i));
  p.guestIds.forEach((personId, i) => insert.run(planId, personId, 'guest', i));
}

export function maxRunOrder(db: Db): number {
  return (statement(db, 'SELECT coalesce(max(run_order), 0) AS n FROM plans').get() as { n: number }).n;
}

/** Inserts at the end of the run order unless told where. */
export function insertPlan(db: Db, p: PlanRecord, now: number, runOrder?: number): number {
  const order = runOrder ?? maxRunOrder(db) + 1;
  const info = statement(db, 
      `INSERT INTO plans (artist_id, song, song_length_ms, venue_id, shoot_date, call_time, countdown_ms, warning_ms,
         danger_ms, notes, status, run_order, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(...planParams(p), order, now, now);
  const id = Number(info.lastInsertRowid);
  writeMembers(db, id, p);
  return id;
}

export function updatePlan(db: Db, id: number, p: PlanRecord, now: number): void {
  statement(db, 
    `UPDATE plans SET artist_id = ?, song = ?, song_length_ms = ?, venue_id = ?, shoot_date = ?, call_time = ?,
       countdown_ms = ?, warning_ms = ?, danger_ms = ?, notes = ?, status = ?, updated_at = ? WHERE id = ?`,
  ).run(...planParams(p), now, id);
  writeMembers(db, id, p);
}

/**
 * A plan already at `status` is left alone: no new updated_at, and no page written in a take's
 * commit. True when the status changed.
 */
export function setPlanStatus(db: Db, id: number, status: Plan['status'], now: number): boolean {
  return statement(db, 'UPDATE plans SET status = ?, updated_at = ? WHERE id = ? AND status != ?').run(status, now, id, status).changes > 0;
}

/** Makes room right after `runOrder` (a duplicate goes next to its original). */
export function shiftRunOrderAfter(db: Db, runOrder: number): void {
  statement(db, 'UPDATE plans SET run_order = run_order + 1 WHERE run_order > ?').run(runOrder);
}

/** Renumbers every plan 1..n: `first` in the order given, then the rest as they were. */
export function renumberPlans(db: Db, first: number[]): void {
  const given = new Set(first);
  const rest = (statement(db, 'SELECT id FROM plans ORDER BY run_order, id').pluck().all() as number[]).filter((id) => !given.has(id));
  const set = statement(db, 'UPDATE plans SET run_order = ? WHERE id = ?');
  [...first, ...rest].forEach((id, i) => set.run(i + 1, id));
}

/** Every take counts, rehearsals too: each one references the plan. */
export function countAllTakes(db: Db, planId: number): number {
  return (statement(db, 'SELECT count(*) AS n FROM takes WHERE plan_id = ?').get(planId) as { n: number }).n;
}

export function archivePlan(db: Db, id: number, now: number): void {
  statement(db, 'UPDATE plans SET archived = 1, updated_at = ? WHERE id = ?').run(now, id);
}

export function unarchivePlan(db: Db, id: number, now: number): void {
  statement(db, 'UPDATE plans SET archived = 0, updated_at = ? WHERE id = ?').run(now, id);
}

export function deletePlan(db: Db, id: number): void {
  statement(db, 'DELETE FROM plans WHERE id = ?').run(id);
}

export function countPlans(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM plans').get() as { n: number }).n;
}
