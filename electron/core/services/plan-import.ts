import { z } from 'zod';
import type { Db } from '../db/open';
import type { ImportError, ImportResult } from '../../../shared/contract/plans';
import { PLAN_CSV_COLUMNS } from '../../../shared/contract/plans';
import { planInput } from '../../../shared/schemas';
import { NAME_MAX, NOTE_MAX, nameKey, text } from '../../../shared/text';
import { maxRunOrder } from '../repos/plans';
import { CuelightError } from '../errors';
import { insertImportedPlan, type PlanDetails, type PlanFields } from './plans';
import { RosterLookup } from './roster';
import { readCsv } from './plan-csv';
import { readJson } from './plan-json';
import { importError, refusalError, rowErrors, type ImportRow } from './plan-import-errors';

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

/** The performances already planned (archived ones too: archiving was a decision, not an absence). */
function plannedPerformances(db: Db): Set<string> {
  const rows = db.prepare('SELECT a.name, p.song, p.shoot_date FROM plans p JOIN people a ON a.id = p.artist_id').raw().all() as [string, string, string | null][];
  return new Set(rows.map(([artist, song, date]) => performanceKey(artist, song, date)));
}

/** The row names a performance that is already planned. Rows naming the artist by id are never matched. */
function alreadyPlanned(planned: Set<string>, c: Checked): boolean {
  const artist = c.input.artist;
  return 'name' in artist && planned.has(performanceKey(artist.name, c.input.song, c.input.shootDate));
}

/** Thrown to undo a whole import that must not stay (a dry run, or invalid rows not waived). */
class Rollback extends Error {}

/**
 * Checks every row, then writes them all in one transaction, each row in its own savepoint so a
 * row the database refuses (a dancer listed twice under two spellings) is found without keeping
 * anything of it. With any invalid row nothing stays, unless onlyValid says to keep the valid ones.
 */
export function importPlans(
  db: Db,
  request: { format: 'csv' | 'json'; content: string; onlyValid: boolean; dryRun: boolean },
  now: number,
): ImportResult {
  const read = request.format === 'csv' ? readCsv(request.content) : readJson(request.content);
  const rows = read.rows.length;
  if (read.fatal.length) return { imported: 0, valid: 0, alreadyPlanned: 0, rows, errors: read.fatal };
  if (rows === 0) return { imported: 0, valid: 0, alreadyPlanned: 0, rows, errors: [importError(1, '', 'empty_file')] };

  const checked = read.rows.map(check);
  const errors = checked.filter((c): c is ImportError[] => Array.isArray(c)).flat();
  let valid = 0;
  let skipped = 0;
  let written = 0;
  const write = db.transaction(() => {
    const base = maxRunOrder(db);
    const lookup = new RosterLookup(db);
    const planned = plannedPerformances(db);
    checked.forEach((c, index) => {
      if (Array.isArray(c)) return;
      if (alreadyPlanned(planned, c)) {
        valid++;
        skipped++;
        return;
      }
      try {
        db.transaction(() => insertImportedPlan(db, c.input, c.details, base + (c.runOrder ?? index + 1), now, lookup))();
        valid++;
        written++;
      } catch (error) {
        if (!(error instanceof CuelightError)) throw error;
        errors.push(refusalError(c.row, error.field ?? '', error.message));
        lookup.reload(); // the row's savepoint took back whoever it had added to the roster
      }
    });
    if (request.dryRun || written === 0 || (errors.length > 0 && !request.onlyValid)) throw new Rollback();
  });
  let imported = 0;
  try {
    write.immediate();
    imported = written;
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  // Line by line, and within a line left to right as the columns stand in an exported file.
  const rank = (column: string) => ((PLAN_CSV_COLUMNS as readonly string[]).indexOf(column) + 1 || PLAN_CSV_COLUMNS.length + 1);
  errors.sort((a, b) => a.line - b.line || rank(a.column) - rank(b.column));
  return { imported, valid, alreadyPlanned: skipped, rows, errors };
}
