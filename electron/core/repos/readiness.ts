import { randomBytes } from 'node:crypto';
import type { Db } from '../db/open';
import type { Department, DepartmentLink, ReadinessEntry } from '../../../shared/contract/readiness';
import { getSetting, setSetting } from './settings';
import { statement } from '../db/statements';

interface DepartmentRow {
  id: number;
  name: string;
  ready: number;
  changed_at: number | null;
  token: string;
}

const rowToDepartment = (r: DepartmentRow): Department => ({ id: r.id, name: r.name, ready: r.ready === 1, changedAt: r.changed_at });

/** A department link's key: 24 random bytes, url-safe. */
export const newDepartmentToken = (): string => randomBytes(24).toString('base64url');

export function listDepartments(db: Db): Department[] {
  return (statement(db, 'SELECT id, name, ready, changed_at, token FROM departments ORDER BY position, id').all() as DepartmentRow[]).map(rowToDepartment);
}

export function departmentLinks(db: Db): DepartmentLink[] {
  return (statement(db, 'SELECT id, name, token FROM departments ORDER BY position, id').all() as DepartmentRow[]).map((r) => ({ id: r.id, name: r.name, token: r.token }));
}

export function departmentByToken(db: Db, token: string): (Department & { token: string }) | null {
  const row = statement(db, 'SELECT id, name, ready, changed_at, token FROM departments WHERE token = ?').get(token) as DepartmentRow | undefined;
  return row ? { ...rowToDepartment(row), token: row.token } : null;
}

export function setDepartmentReady(db: Db, departmentId: number, ready: boolean, now: number): void {
  statement(db, 'UPDATE departments SET ready = ?, changed_at = ? WHERE id = ?').run(ready ? 1 : 0, now, departmentId);
}

/** Replaces the list in the order given: kept ids keep their token and state; others are dropped. */
export function replaceDepartments(db: Db, departments: { id?: number | undefined; name: string }[]): void {
  const keep = departments.flatMap((d) => (d.id === undefined ? [] : [d.id]));
  statement(db, `DELETE FROM departments WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(keep));
  const update = statement(db, 'UPDATE departments SET name = ?, position = ? WHERE id = ?');
  const insert = statement(db, 'INSERT INTO departments (name, position, token) VALUES (?, ?, ?)');
  departments.forEach((d, position) => {
    if (d.id === undefined || update.run(d.name, position, d.id).changes === 0) insert.run(d.name, position, newDepartmentToken());
  });
}

export function rotateToken(db: Db, departmentId: number): DepartmentLink | null {
  statement(db, 'UPDATE departments SET token = ? WHERE id = ?').run(newDepartmentToken(), departmentId);
  return departmentLinks(db).find((l) => l.id === departmentId) ?? null;
}

export interface ReadinessOptions {
  autoHold: boolean;
  holdAtMs: number;
}

export function readinessOptions(db: Db): ReadinessOptions {
  const autoHold = getSetting(db, 'readiness.autoHold');
  const holdAt = Number(getSetting(db, 'readiness.holdAtMs') ?? 10_000);
  return { autoHold: autoHold === '1', holdAtMs: Number.isFinite(holdAt) ? holdAt : 10_000 };
}

export function setReadinessOptions(db: Db, options: ReadinessOptions): void {
  setSetting(db, 'readiness.autoHold', options.autoHold ? '1' : '0');
  setSetting(db, 'readiness.holdAtMs', String(options.holdAtMs));
}

/** The count's hold for departments as kept on disk; `active` false once the operator resumed that run. */
export interface KeptHold {
  run: number;
  since: number;
  waitingFor: string[];
  active: boolean;
}

const HOLD_KEY = 'readiness.hold';

/** The last hold, or null when there never was one (or what is kept does not read as one). */
export function keptHold(db: Db): KeptHold | null {
  const raw = getSetting(db, HOLD_KEY);
  if (!raw) return null;
  try {
    const kept = JSON.parse(raw) as Partial<KeptHold>;
    const names = Array.isArray(kept.waitingFor) && kept.waitingFor.every((n) => typeof n === 'string');
    if (typeof kept.run !== 'number' || typeof kept.since !== 'number' || !names || typeof kept.active !== 'boolean') return null;
    return kept as KeptHold;
  } catch {
    return null;
  }
}

export function keepHold(db: Db, hold: KeptHold): void {
  setSetting(db, HOLD_KEY, JSON.stringify(hold));
}

export function logReadiness(db: Db, entry: ReadinessEntry & { run: number | null; planId: number | null }): void {
  statement(db, 'INSERT INTO readiness_log (run, plan_id, at, kind, departments) VALUES (?, ?, ?, ?, ?)').run(entry.run, entry.planId, entry.at, entry.kind, entry.departments);
}

/** A take's readiness: everything logged in its countdown run (takes.run is unique). */
export function readinessForTake(db: Db, takeId: number): ReadinessEntry[] {
  return statement(db, 'SELECT r.at, r.kind, r.departments FROM readiness_log r JOIN takes t ON t.run = r.run WHERE t.id = ? ORDER BY r.at, r.id')
    .all(takeId) as ReadinessEntry[];
}

/** Readiness logs for many takes at once (an export): one query, by take id. */
export function readinessForTakes(db: Db, takeIds: number[]): Map<number, ReadinessEntry[]> {
  const byTake = new Map<number, ReadinessEntry[]>();
  if (takeIds.length === 0) return byTake;
  const rows = statement(db, 
      `SELECT t.id AS take_id, r.at, r.kind, r.departments FROM takes t JOIN readiness_log r ON r.run = t.run
       WHERE t.id IN (SELECT value FROM json_each(?)) ORDER BY t.id, r.at, r.id`,
    )
    .all(JSON.stringify(takeIds)) as (ReadinessEntry & { take_id: number })[];
  for (const { take_id, ...entry } of rows) byTake.set(take_id, [...(byTake.get(take_id) ?? []), entry]);
  return byTake;
}
