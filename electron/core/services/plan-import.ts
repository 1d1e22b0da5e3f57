import { z } from 'zod';
import type { Db } from '../db/open';
import { statement } from '../db/statements';
import type { ImportError } from '../../../shared/contract/plans';
import { PLAN_CSV_COLUMNS } from '../../../shared/contract/plans';
import { planInput } from '../../../shared/schemas';
import { NAME_MAX, NOTE_MAX, nameKey, text } from '../../../shared/text';
import { CuelightError } from '../errors';
import { insertImportedPlan, type PlanDetails, type PlanFields } from './plans';
import { csvColumn, readCsv } from './plan-csv';
import { jsonColumn, readJson } from './plan-json';
import { importError, refusalError, rowErrors, type ImportRow } from './plan-import-errors';
import type { RosterLookup } from './roster';

/** What a file says beyond createPlan's input; checked with the same text rules (NFC, trimmed, bounded). */
const extrasSchema = z.strictObject({
  artistAlt: text(NAME_MAX).optional(),
  dancersAlt: z.array(text(NAME_MAX)).optional(),
  guestsAlt: z.array(text(NAME_MAX)).optional(),
  venueDetails: z.strictObject({ nameAlt: text(NAME_MAX), address: text(NOTE_MAX), area: text(NAME_MAX), notes: text(NOTE_MAX) }).optional(),
  runOrder: z.number().int().min(1).max(1_000_000_000).optional(),
});

interface Checked {
  row: ImportRow;
  input: PlanFields;
  details: PlanDetails;
  runOrder: number | undefined;
}

/** Validates one row with createPlan's own schema; returns every error in it, or what to write. */
function check(row: ImportRow): Checked | ImportError[] {
  if (row.unreadable) return row.errors;
  const input = planInput.safeParse(row.input);
  const extras = extrasSchema.safeParse(row.extras);
  const errors = [...row.errors, ...(input.success ? [] : rowErrors(row, input.error)), ...(extras.success ? [] : rowErrors(row, extras.error))];
  const { warningMs, dangerMs } = row.input;
  if (typeof warningMs === 'number' && typeof dangerMs === 'number' && dangerMs > warningMs) {
    errors.push(importError(row.line, row.column(['dangerMs']), 'danger_over_warning'));
  }
  if (!input.success || !extras.success || errors.length) return errors;
  const e = extras.data;
  return {
    row,
    input: input.data,
    details: { artistAlt: e.artistAlt, dancersAlt: e.dancersAlt, guestsAlt: e.guestsAlt, venue: e.venueDetails },
    runOrder: e.runOrder,
  };
}

/** A performance as a file and the plans both name it: artist, song and shoot date, compared as names are. */
function performanceKey(artist: string, song: string, shootDate: string | null | undefined): string {
  return [nameKey(artist), nameKey(song), shootDate ?? ''].join('\u0000');
}

/**
 * One page of the performances already planned (archived ones too: archiving was a decision, not
 * an absence), after plan id `afterId`, with the page's highest run order; read page by page so no
 * read holds the loop long.
 */
export function plannedPage(db: Db, afterId: number, limit: number): { keys: string[]; maxRunOrder: number; lastId: number | null } {
  const rows = statement(db, 'SELECT p.id, a.name, p.song, p.shoot_date, p.run_order FROM plans p JOIN people a ON a.id = p.artist_id WHERE p.id > CAST(? AS INTEGER) ORDER BY p.id LIMIT CAST(? AS INTEGER)')
    .raw()
    .all(afterId, limit) as [number, string, string, string | null, number][];
  const maxRunOrder = rows.reduce((most, row) => Math.max(most, row[4]), 0);
  return { keys: rows.map(([, artist, song, date]) => performanceKey(artist, song, date)), maxRunOrder, lastId: rows.length < limit ? null : rows.at(-1)![0] };
}

/**
 * The performances already planned, by key, in many small sets: one Set of 100,000 keys copies
 * them all each time it outgrows its table (7 ms on the loop, traced), a shard only its share.
 */
export class PlannedKeys {
  private readonly shards = Array.from({ length: 64 }, () => new Set<string>());

  add(key: string): void {
    this.shard(key).add(key);
  }

  has(key: string): boolean {
    return this.shard(key).has(key);
  }

  /** FNV-1a over the key's UTF-16 units, to one of 64 shards. */
  private shard(key: string): Set<string> {
    let hash = 0x811c9dc5;
    for (let i = 0; i < key.length; i++) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
    return this.shards[hash & 63]!;
  }
}

/** The row names a performance that is already planned. Rows naming the artist by id are never matched. */
export function alreadyPlanned(planned: PlannedKeys, c: Pick<Checked, 'input'>): boolean {
  const artist = c.input.artist;
  return 'name' in artist && planned.has(performanceKey(artist.name, c.input.song, c.input.shootDate));
}

/** A row that passed every check, as plain data: it crosses from the checking worker to the writer. */
export interface CheckedPlan {
  /** Position in the file (0-based), for the run order of rows that give none. */
  index: number;
  line: number;
  input: PlanFields;
  details: PlanDetails;
  runOrder: number | undefined;
}

/** A file read and checked, nothing written: what the writer needs and every error found so far. */
export interface CheckedFile {
  format: 'csv' | 'json';
  rows: number;
  valid: CheckedPlan[];
  errors: ImportError[];
  /** The file as a whole cannot be imported (no header, not JSON, empty): nothing is written. */
  fatal: boolean;
}

/** Rows checked between two progress reports. */
const CHECK_PROGRESS_EVERY = 2_000;

/** Reads and checks a file without a database: runs in the import worker, off the countdown's loop. */
export function checkPlanFile(format: 'csv' | 'json', content: string, progress?: (done: number, total: number) => void): CheckedFile {
  const read = format === 'csv' ? readCsv(content) : readJson(content);
  const rows = read.rows.length;
  if (read.fatal.length) return { format, rows, valid: [], errors: read.fatal, fatal: true };
  if (rows === 0) return { format, rows, valid: [], errors: [importError(1, '', 'empty_file')], fatal: true };
  const valid: CheckedPlan[] = [];
  const errors: ImportError[] = [];
  read.rows.forEach((row, index) => {
    const c = check(row);
    if (Array.isArray(c)) errors.push(...c);
    else valid.push({ index, line: row.line, input: c.input, details: c.details, runOrder: c.runOrder });
    if ((index + 1) % CHECK_PROGRESS_EVERY === 0) progress?.(index + 1, rows);
  });
  return { format, rows, valid, errors, fatal: false };
}

/** A database-side refusal of a checked row, on the cell the file's own format names. */
export function refusedRow(format: 'csv' | 'json', plan: CheckedPlan, field: string, message: string): ImportError {
  return refusalError({ line: plan.line, input: {}, extras: {}, errors: [], column: format === 'csv' ? csvColumn : jsonColumn }, field, message);
}

/** Writes one checked row in its own savepoint; a refusal comes back as the row's error, nothing of it kept. */
export function writeCheckedPlan(db: Db, plan: CheckedPlan, base: number, lookup: RosterLookup, now: number): 'written' | CuelightError {
  try {
    // The row's savepoint and the lookup take back together whoever it had added to the roster.
    lookup.withRow(() => db.transaction(() => insertImportedPlan(db, plan.input, plan.details, base + (plan.runOrder ?? plan.index + 1), now, lookup))());
    return 'written';
  } catch (error) {
    if (!(error instanceof CuelightError)) throw error;
    return error;
  }
}

/** Line by line, and within a line left to right as the columns stand in an exported file. */
export function sortImportErrors(errors: ImportError[]): ImportError[] {
  const rank = (column: string) => ((PLAN_CSV_COLUMNS as readonly string[]).indexOf(column) + 1 || PLAN_CSV_COLUMNS.length + 1);
  return errors.sort((a, b) => a.line - b.line || rank(a.column) - rank(b.column));
}
