import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/open';
import type { ParsedReviewFilter, TakeRow, TakeSort } from '../../../shared/contract/takes';
import type { Mark } from '../../../shared/schemas';
import type { MarkRow, TakeRecord } from './takes';
import { rowToMark, rowToTake, SELECT_TAKES } from './takes';

/** SQL conditions on `takes t` and the values they bind: user text is only ever a parameter. */
export interface Where {
  terms: string[];
  params: Record<string, string | number>;
}

/** Statements are parsed once per connection: a review page runs several small queries. */
const cache = new WeakMap<Db, Map<string, Statement>>();
export function prepared(db: Db, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/** Escapes LIKE's wildcards so a search for "100%" or "a_b" matches those characters literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export type FilterColumn = 't.plan_id' | 't.outcome' | 't.go_at';
export const ALL_COLUMNS: readonly FilterColumn[] = ['t.plan_id', 't.outcome', 't.go_at'];

export interface WhereOptions {
  /** Written `+t.col`, which keeps SQLite from finding rows through them (see pageIds). */
  unindexed?: readonly FilterColumn[];
  /** 'probe' checks each visited take (cheaper for a page); 'list' gathers all matches once (for a count). */
  marks?: 'list' | 'probe';
  /** Off where `t.number` is set: only real takes have numbers, so the rehearsal term is implied. */
  rehearsal?: boolean;
}

const like = (column: string) => `${column} LIKE @pattern ESCAPE '\\'`;
const MATCHING_PLANS = `SELECT p.id FROM plans p JOIN people a ON a.id = p.artist_id
  WHERE ${like('p.song')} OR ${like('a.name')} OR ${like('a.name_alt')}`;

/**
 * Text for a whole count: the matching ids gathered once from each source. Most takes have no
 * note, and "> ''" skips those in takes_by_note before any pattern is tried.
 */
const TEXT_LIST = `t.id IN (
  SELECT id FROM takes WHERE note COLLATE NOCASE > '' AND ${like('note')}
  UNION ALL SELECT take_id FROM take_marks WHERE ${like('note')}
  UNION ALL SELECT id FROM takes WHERE plan_id IN (${MATCHING_PLANS}))`;

/** Text for a walk that stops after a page: each visited take's own note and marks are checked. */
const textProbe = (planId: string) => `(${like('t.note')}
  OR EXISTS (SELECT 1 FROM take_marks m WHERE m.take_id = t.id AND ${like('m.note')})
  OR ${planId} IN (${MATCHING_PLANS}))`;

/** The filters as SQL terms on `takes t`, and their bound values. */
export function whereOf(f: ParsedReviewFilter, options: WhereOptions = {}): Where {
  const unindexed = options.unindexed ?? [];
  const c = (column: FilterColumn) => (unindexed.includes(column) ? `+${column}` : column);
  const terms: string[] = [];
  const params: Where['params'] = {};
  // Rehearsal is never selective enough to find rows by, so it is never an index lookup.
  if (options.rehearsal !== false && f.rehearsal !== 'include') terms.push(`+t.rehearsal = ${f.rehearsal === 'only' ? 1 : 0}`);
  if (f.artistId !== undefined) {
    terms.push(`${c('t.plan_id')} IN (SELECT id FROM plans WHERE artist_id = @artistId)`);
    params.artistId = f.artistId;
  }
  if (f.venueId !== undefined) {
    terms.push(`${c('t.plan_id')} IN (SELECT id FROM plans WHERE venue_id = @venueId)`);
    params.venueId = f.venueId;
  }
  if (f.outcome !== undefined) {
    terms.push(`${c('t.outcome')} = @outcome`);
    params.outcome = f.outcome;
  }
  if (f.fromMs !== undefined) {
    terms.push(`${c('t.go_at')} >= @fromMs`);
    params.fromMs = f.fromMs;
  }
  if (f.toMs !== undefined) {
    terms.push(`${c('t.go_at')} < @toMs`);
    params.toMs = f.toMs;
  }
  if (f.text) {
    terms.push(options.marks === 'probe' ? textProbe(c('t.plan_id')) : TEXT_LIST);
    params.pattern = containsPattern(f.text);
  }
  return { terms, params };
}

/** True when only the rehearsal choice filters: the count then comes from b-tree sizes, not a scan. */
function unfiltered(f: ParsedReviewFilter): boolean {
  return f.artistId === undefined && f.venueId === undefined && f.outcome === undefined && f.fromMs === undefined && f.toMs === undefined && !f.text;
}

/** How many takes the filters match. */
export function countFiltered(db: Db, f: ParsedReviewFilter): number {
  if (!unfiltered(f)) return countTakes(db, whereOf(f));
  const count = (sql: string) => prepared(db, sql).pluck().get() as number;
  const rehearsals = f.rehearsal === 'include' ? 0 : count('SELECT count(*) FROM takes WHERE rehearsal = 1');
  return f.rehearsal === 'only' ? rehearsals : count('SELECT count(*) FROM takes') - rehearsals;
}

export function whereSql(where: Where, ...more: string[]): string {
  const terms = [...where.terms, ...more];
  return terms.length ? `WHERE ${terms.join(' AND ')}` : '';
}

export function countTakes(db: Db, where: Where, ...more: string[]): number {
  return prepared(db, `SELECT count(*) FROM takes t ${whereSql(where, ...more)}`).pluck().get(where.params) as number;
}

const SORT_KEYS: Record<TakeSort, string[]> = {
  goAt: [],
  number: ['t.number'],
  artist: ['a.name COLLATE NOCASE'],
  song: ['p.song COLLATE NOCASE'],
  venue: ['v.name COLLATE NOCASE'],
  // Failed takes group by reason: the order takes_by_outcome keeps them in.
  outcome: ['t.outcome', 't.failure_reason'],
  duration: ['(t.ended_at - t.go_at)'],
  reason: ['t.failure_reason'],
  note: ['t.note COLLATE NOCASE'],
};

/** Ties break by GO time, then id, so a sort is stable across pages. */
export function orderBy(sort: TakeSort, direction: 'asc' | 'desc'): string {
  return `ORDER BY ${[...SORT_KEYS[sort], 't.go_at', 't.id'].map((k) => `${k} ${direction.toUpperCase()}`).join(', ')}`;
}

/** Sorting by a name needs its table; the filtered set is joined in and sorted whole. */
const SORTED_FROM: Partial<Record<TakeSort, string>> = {
  artist: 'takes t JOIN plans p ON p.id = t.plan_id JOIN people a ON a.id = p.artist_id',
  song: 'takes t JOIN plans p ON p.id = t.plan_id',
  venue: 'takes t JOIN plans p ON p.id = t.plan_id LEFT JOIN venues v ON v.id = p.venue_id',
};

/** Walking a name's index: CROSS JOIN fixes the loop order, so takes come out in name order. */
const WALKED_FROM: Partial<Record<TakeSort, string>> = {
  artist: 'people a CROSS JOIN plans p ON p.artist_id = a.id CROSS JOIN takes t ON t.plan_id = p.id',
  song: 'plans p CROSS JOIN takes t ON t.plan_id = p.id',
  venue: 'venues v CROSS JOIN plans p ON p.venue_id = v.id CROSS JOIN takes t ON t.plan_id = p.id',
};

export interface PageRequest {
  filter: ParsedReviewFilter;
  sort: TakeSort;
  direction: 'asc' | 'desc';
  offset: number;
  limit: number;
}

function ids(db: Db, sql: string, where: Where, offset: number, limit: number): number[] {
  if (limit <= 0) return [];
  return prepared(db, `${sql} LIMIT @limit OFFSET @offset`).pluck().all({ ...where.params, limit, offset }) as number[];
}

/** One window over parts laid end to end, each with a known count. */
function windowOver(parts: { count: number; read: (offset: number, limit: number) => number[] }[], offset: number, limit: number): number[] {
  const out: number[] = [];
  let start = offset;
  for (const part of parts) {
    if (start >= part.count) {
      start -= part.count;
      continue;
    }
    out.push(...part.read(start, limit - out.length));
    start = 0;
    if (out.length >= limit) break;
  }
  return out;
}

/** The query that reads takes in sort order through the sort's index (for venues: those with one). */
export function walkSql(filter: ParsedReviewFilter, sort: TakeSort, direction: 'asc' | 'desc'): { sql: string; where: Where } {
  const where = whereOf(filter, { unindexed: ALL_COLUMNS, marks: 'probe' });
  return { sql: `SELECT t.id FROM ${WALKED_FROM[sort] ?? 'takes t'} ${whereSql(where)} ${orderBy(sort, direction)}`, where };
}

/**
 * The ids of one sorted page. A large filtered set is read in the order of the sort's index and
 * stops after the page; a small one is found through its filters' indexes and sorted whole.
 * Which is cheaper follows from the total: walking visits about (offset + limit) × all / total rows.
 */
export function pageIds(db: Db, r: PageRequest, total: number): number[] {
  const all = (prepared(db, 'SELECT max(id) FROM takes').pluck().get() as number | null) ?? 0;
  const walk = total > 0 && (r.offset + r.limit) * all < total * total;
  if (!walk) {
    const where = whereOf(r.filter);
    return ids(db, `SELECT t.id FROM ${SORTED_FROM[r.sort] ?? 'takes t'} ${whereSql(where)} ${orderBy(r.sort, r.direction)}`, where, r.offset, r.limit);
  }
  const { sql, where } = walkSql(r.filter, r.sort, r.direction);
  if (r.sort !== 'venue') return ids(db, sql, where, r.offset, r.limit);
  // Takes planned without a venue have no name to walk: they sort as empty, first when ascending.
  const noVenue = '+t.plan_id IN (SELECT id FROM plans WHERE venue_id IS NULL)';
  const blank = countTakes(db, whereOf(r.filter), 't.plan_id IN (SELECT id FROM plans WHERE venue_id IS NULL)');
  const named = {
    count: total - blank,
    read: (offset: number, limit: number) => ids(db, sql, where, offset, limit),
  };
  const unnamed = {
    count: blank,
    read: (offset: number, limit: number) =>
      ids(db, `SELECT t.id FROM takes t ${whereSql(where, noVenue)} ${orderBy('goAt', r.direction)}`, where, offset, limit),
  };
  return windowOver(r.direction === 'asc' ? [unnamed, named] : [named, unnamed], r.offset, r.limit);
}

/** Full rows for the given take ids, in that order: names, marks, and how many takes each performance had. */
export function takeRowsByIds(db: Db, takeIds: number[]): TakeRow[] {
  if (takeIds.length === 0) return [];
  const list = JSON.stringify(takeIds);
  const records = prepared(db, `${SELECT_TAKES} WHERE t.id IN (SELECT value FROM json_each(@list))`).all({ list }) as TakeRecord[];
  const marks = new Map<number, Mark[]>();
  const markRows = prepared(db, 'SELECT * FROM take_marks WHERE take_id IN (SELECT value FROM json_each(@list)) ORDER BY take_id, at_ms, id').all({
    list,
  }) as MarkRow[];
  for (const row of markRows) {
    const forTake = marks.get(row.take_id);
    if (forTake) forTake.push(rowToMark(row));
    else marks.set(row.take_id, [rowToMark(row)]);
  }
  const plans = JSON.stringify([...new Set(records.map((r) => r.plan_id))]);
  const attempts = new Map(
    (
      prepared(db, 'SELECT plan_id, count(number) FROM takes WHERE plan_id IN (SELECT value FROM json_each(@plans)) GROUP BY plan_id')
        .raw()
        .all({ plans }) as [number, number][]
    ).map(([plan, n]) => [plan, n]),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return takeIds.flatMap((id) => {
    const record = byId.get(id);
    return record ? [{ ...rowToTake(record, marks.get(id) ?? []), attempts: attempts.get(record.plan_id) ?? 0 }] : [];
  });
}
