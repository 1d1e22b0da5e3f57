import type { Db } from '../db/open';
import type { ImportError, ImportResult } from '../../../shared/contract/plans';
import { maxRunOrder } from '../repos/plans';
import { RosterLookup } from './roster';
import { alreadyPlanned, plannedPage, refusedRow, sortImportErrors, writeCheckedPlan, type CheckedFile, type CheckedPlan } from './plan-import';

/** Plans read per page when listing what is already planned. */
const PLANNED_PAGE = 1_000;

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
  private readonly planned = new Set<string>();
  private readonly start: number;
  private readonly lookup: RosterLookup;

  constructor(
    private readonly db: Db,
    private readonly file: Pick<CheckedFile, 'format' | 'rows' | 'errors'>,
    private readonly now: number,
  ) {
    this.errors = [...file.errors];
    this.start = maxRunOrder(db);
    this.lookup = new RosterLookup(db);
  }

  /**
   * Reads one page of the performances already planned, after plan id `after` (0 for the first);
   * returns where the next page starts, or null when all are read.
   */
  readPlanned(after: number): number | null {
    const page = plannedPage(this.db, after, PLANNED_PAGE);
    page.keys.forEach((key) => this.planned.add(key));
    return page.lastId;
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
