import type { Db } from '../db/open';
import type { ImportError, ImportResult } from '../../../shared/contract/plans';
import { RosterLookup } from './roster';
import { alreadyPlanned, PlannedKeys, plannedPage, refusedRow, sortImportErrors, writeCheckedPlan, type CheckedFile, type CheckedPlan } from './plan-import';

/** Plans read per page when listing what is already planned. */
export const PLANNED_PAGE = 1_000;

/** The answer for a file that cannot be imported at all (no header, not JSON, empty): its errors, nothing written. */
export function unreadableFile(file: Pick<CheckedFile, 'rows' | 'errors'>): ImportResult {
  return { imported: 0, valid: 0, alreadyPlanned: 0, rows: file.rows, errors: file.errors };
}

/**
 * One pass of an import over its checked rows, inside the caller's open transaction: the same
 * rules whether the rows are written on the store's loop (ImportWriter) or tried on a copy of
 * the store in the import's worker (a dry run).
 */
export class ImportPass {
  valid = 0;
  alreadyPlanned = 0;
  written = 0;
  readonly errors: ImportError[];
  private readonly planned = new PlannedKeys();
  /** The highest run order already planned: rows without one go after it. */
  private start = 0;
  private readonly lookup: RosterLookup;
  /** Where reading the planned performances goes on from; null once all are read. */
  private afterPlan: number | null = 0;

  constructor(
    private readonly db: Db,
    private readonly file: Pick<CheckedFile, 'format' | 'rows' | 'errors'>,
    private readonly now: number,
  ) {
    this.errors = [...file.errors];
    this.lookup = new RosterLookup(db);
  }

  /**
   * Reads one page of what the rows are checked against: the performances already planned (and
   * their highest run order), then the roster. Call until it returns false, before the first row:
   * each call is short, so a writer on the loop can let it breathe between two.
   */
  prepare(): boolean {
    if (this.afterPlan !== null) {
      const page = plannedPage(this.db, this.afterPlan, PLANNED_PAGE);
      page.keys.forEach((key) => this.planned.add(key));
      this.start = Math.max(this.start, page.maxRunOrder);
      this.afterPlan = page.lastId;
      return true;
    }
    return this.lookup.loadPage();
  }

  /** Writes one row, or counts it as planned already, or keeps the database's refusal of it. */
  row(plan: CheckedPlan): void {
    if (alreadyPlanned(this.planned, plan)) {
      this.valid++;
      this.alreadyPlanned++;
      return;
    }
    const outcome = writeCheckedPlan(this.db, plan, this.start, this.lookup, this.now);
    if (outcome !== 'written') {
      this.errors.push(refusedRow(this.file.format, plan, outcome.field ?? '', outcome.message));
      return;
    }
    this.valid++;
    this.written++;
  }

  /** Whether an import keeps what this pass wrote: all of the file, or (onlyValid) the rows that passed. */
  keeps(onlyValid: boolean): boolean {
    return this.written > 0 && (this.errors.length === 0 || onlyValid);
  }

  result(kept: boolean): ImportResult {
    return { imported: kept ? this.written : 0, valid: this.valid, alreadyPlanned: this.alreadyPlanned, rows: this.file.rows, errors: sortImportErrors(this.errors) };
  }
}
