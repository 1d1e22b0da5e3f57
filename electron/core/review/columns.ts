import type { Db } from '../db/open';
import type { FailureReason, Outcome } from '../../../shared/schemas';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import { searchKey } from '../../../shared/text';
import type { Changes } from './change-notes';
import { statement } from '../db/statements';

/** The review's copy of a performance: who, where, and the song as searched and sorted. */
export interface PlanInfo {
  artist: number;
  venue: number;
  songKey: string;
}

/** No venue, no take number, and a take still running are stored as these. */
export const NO_VENUE = -1;
export const NO_NUMBER = 0;
const NO_REASON = 0;

type TakeTuple = [id: number, plan: number, number: number | null, rehearsal: number, goAt: number, endedAt: number | null, outcome: Outcome, reason: FailureReason | null, note: string];
const TAKE_COLUMNS = 'id, plan_id, number, rehearsal, go_at, ended_at, outcome, failure_reason, note';

const OUTCOME_CODE = new Map<Outcome, number>(OUTCOMES.map((o, i) => [o, i]));
const REASON_CODE = new Map<FailureReason, number>(FAILURE_REASONS.map((r, i) => [r, i + 1]));

/**
 * Every take as columns (typed arrays, one slot a row) with its plan's artist and venue beside
 * it, and the lower-cased text a search looks in. A row never moves; rows are only added.
 */
export class TakeColumns {
  size = 0;
  id = new Float64Array(0);
  plan = new Float64Array(0);
  artist = new Float64Array(0);
  venue = new Float64Array(0);
  number = new Int32Array(0);
  rehearsal = new Uint8Array(0);
  /** 0 for a take that is no longer in the store. */
  live = new Uint8Array(0);
  goAt = new Float64Array(0);
  /** NaN while a take is running. */
  endedAt = new Float64Array(0);
  /** Index into OUTCOMES. */
  outcome = new Uint8Array(0);
  /** 1 + index into FAILURE_REASONS; 0 for none. */
  reason = new Uint8Array(0);
  noteKey: string[] = [];
  /** The take's marks, lower-cased, separated by NUL (which no one types). */
  marksKey: string[] = [];
  rowOf = new Map<number, number>();
  plans = new Map<number, PlanInfo>();
  people = new Map<number, { nameKey: string; altKey: string }>();
  venues = new Map<number, string>();

  /** Takes with ids up to this are in; 0 before the first slice. */
  private loadedThrough = 0;
  private namesLoaded = false;
  private loaded = false;

  /** Everything at once (tests, and a reload after a large change). */
  static load(db: Db): TakeColumns {
    const c = new TakeColumns();
    while (!c.loadSlice(db, 50_000));
    return c;
  }

  /**
   * Reads the next `takes` takes (the names first, in a slice of their own), so a large log can be
   * read between other work. Returns true once everything is in. Changes made between slices are
   * noted and applied afterwards: a slice always reads what is committed when it runs.
   */
  loadSlice(db: Db, takes: number): boolean {
    if (this.loaded) return true;
    if (!this.namesLoaded) {
      this.loadNames(db);
      this.namesLoaded = true;
      return false;
    }
    const slice = statement(db, `SELECT ${TAKE_COLUMNS} FROM takes WHERE id > CAST(? AS INTEGER) ORDER BY id LIMIT CAST(? AS INTEGER)`).raw().all(this.loadedThrough, takes) as TakeTuple[];
    if (slice.length === 0) return (this.loaded = true);
    this.grow(this.size + slice.length);
    for (const take of slice) this.put(take);
    const through = slice[slice.length - 1]![0];
    const marks = statement(db, 'SELECT take_id, note FROM take_marks WHERE take_id > ? AND take_id <= ? ORDER BY take_id, at_ms, id')
      .raw()
      .all(this.loadedThrough, through) as [number, string][];
    for (let i = 0; i < marks.length; ) {
      const takeId = marks[i]![0];
      const parts: string[] = [];
      for (; i < marks.length && marks[i]![0] === takeId; i++) parts.push(searchKey(marks[i]![1]));
      const row = this.rowOf.get(takeId);
      if (row !== undefined) this.marksKey[row] = parts.join('\u0000');
    }
    this.loadedThrough = through;
    if (slice.length < takes) this.loaded = true;
    return this.loaded;
  }

  private loadNames(db: Db): void {
    for (const [id, artist, venue, song] of statement(db, 'SELECT id, artist_id, venue_id, song FROM plans').raw().all() as [number, number, number | null, string][]) {
      this.plans.set(id, { artist, venue: venue ?? NO_VENUE, songKey: searchKey(song) });
    }
    for (const [id, name, alt] of statement(db, 'SELECT id, name, name_alt FROM people').raw().all() as [number, string, string][]) {
      this.people.set(id, { nameKey: searchKey(name), altKey: searchKey(alt) });
    }
    for (const [id, name] of statement(db, 'SELECT id, name FROM venues').raw().all() as [number, string][]) this.venues.set(id, searchKey(name));
  }

  /** Reads the noted rows again. Returns the rows whose takes changed, and whether any name did. */
  apply(db: Db, changes: Changes): { rows: number[]; names: boolean } {
    for (const id of changes.people) {
      const person = statement(db, 'SELECT name, name_alt FROM people WHERE id = ?').raw().get(id) as [string, string] | undefined;
      if (person) this.people.set(id, { nameKey: searchKey(person[0]), altKey: searchKey(person[1]) });
    }
    for (const id of changes.venues) {
      const name = statement(db, 'SELECT name FROM venues WHERE id = ?').pluck().get(id) as string | undefined;
      if (name !== undefined) this.venues.set(id, searchKey(name));
    }
    const moved = new Set<number>();
    for (const id of changes.plans) {
      const plan = statement(db, 'SELECT artist_id, venue_id, song FROM plans WHERE id = ?').raw().get(id) as [number, number | null, string] | undefined;
      if (!plan) continue;
      const before = this.plans.get(id);
      const info = { artist: plan[0], venue: plan[1] ?? NO_VENUE, songKey: searchKey(plan[2]) };
      this.plans.set(id, info);
      // A new plan has no rows yet: a take of it read before the plan was (between slices) is noted too, and read again below.
      if (before && (before.artist !== info.artist || before.venue !== info.venue)) moved.add(id);
    }
    const rows = new Set<number>();
    if (moved.size > 0) {
      for (let row = 0; row < this.size; row++) {
        const info = moved.has(this.plan[row]!) ? this.plans.get(this.plan[row]!) : undefined;
        if (!info) continue;
        this.artist[row] = info.artist;
        this.venue[row] = info.venue;
        rows.add(row);
      }
    }
    for (const id of changes.takes) {
      const take = statement(db, `SELECT ${TAKE_COLUMNS} FROM takes WHERE id = ?`).raw().get(id) as TakeTuple | undefined;
      const existing = this.rowOf.get(id);
      if (!take) {
        if (existing !== undefined) this.live[existing] = 0;
        if (existing !== undefined) rows.add(existing);
        continue;
      }
      if (existing === undefined) this.grow(this.size + 1);
      const row = this.put(take);
      const marks = statement(db, 'SELECT note FROM take_marks WHERE take_id = ? ORDER BY at_ms, id').pluck().all(id) as string[];
      this.marksKey[row] = marks.map(searchKey).join('\u0000');
      rows.add(row);
    }
    return { rows: [...rows], names: changes.people.size + changes.venues.size + changes.plans.size > 0 };
  }

  /** Writes a take into its row (a new one at the end). */
  private put([id, plan, number, rehearsal, goAt, endedAt, outcome, reason, note]: TakeTuple): number {
    let row = this.rowOf.get(id);
    if (row === undefined) {
      row = this.size++;
      this.rowOf.set(id, row);
      this.marksKey[row] = '';
    }
    const info = this.plans.get(plan);
    this.id[row] = id;
    this.plan[row] = plan;
    this.artist[row] = info?.artist ?? 0;
    this.venue[row] = info?.venue ?? NO_VENUE;
    this.number[row] = number ?? NO_NUMBER;
    this.rehearsal[row] = rehearsal;
    this.live[row] = 1;
    this.goAt[row] = goAt;
    this.endedAt[row] = endedAt ?? Number.NaN;
    this.outcome[row] = OUTCOME_CODE.get(outcome)!;
    this.reason[row] = reason === null ? NO_REASON : REASON_CODE.get(reason)!;
    this.noteKey[row] = note === '' ? '' : searchKey(note);
    return row;
  }

  /** Room for `rows` rows; capacity doubles, so adding a take is amortised O(1). */
  private grow(rows: number): void {
    if (rows <= this.id.length) return;
    const capacity = Math.max(rows, this.id.length * 2, 1024);
    const widen = <T extends Int32Array | Uint8Array | Float64Array>(a: T, make: (n: number) => T): T => {
      const next = make(capacity);
      next.set(a);
      return next;
    };
    this.id = widen(this.id, (n) => new Float64Array(n));
    this.plan = widen(this.plan, (n) => new Float64Array(n));
    this.artist = widen(this.artist, (n) => new Float64Array(n));
    this.venue = widen(this.venue, (n) => new Float64Array(n));
    this.number = widen(this.number, (n) => new Int32Array(n));
    this.rehearsal = widen(this.rehearsal, (n) => new Uint8Array(n));
    this.live = widen(this.live, (n) => new Uint8Array(n));
    this.goAt = widen(this.goAt, (n) => new Float64Array(n));
    this.endedAt = widen(this.endedAt, (n) => new Float64Array(n));
    this.outcome = widen(this.outcome, (n) => new Uint8Array(n));
    this.reason = widen(this.reason, (n) => new Uint8Array(n));
  }
}
