import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../db/open';
import type { ImportResult } from '../../../shared/contract/plans';
import type { CheckedFile, CheckedPlan } from './plan-import';
import { ImportPass, unreadableFile } from './plan-import-pass';

/**
 * The checked rows, read a part at a time from the worker that checked them: the loop's heap
 * never holds the whole file, so no garbage collection there grows with it.
 */
export interface CheckedRows {
  count: number;
  parts: number;
  part(index: number): Promise<CheckedPlan[]>;
}

/** A checked file as the writer takes it: everything but its valid rows, which it reads in parts. */
export type CheckedImport = Omit<CheckedFile, 'valid'> & { valid: CheckedRows };

/** The longest the writer keeps the loop before letting timers, the countdown and other calls run. */
export const WRITE_SLICE_MS = 2;
/** After giving way to another write, the import waits this long before it starts over. */
const RESTART_AFTER_MS = 250;
/** Rows written between two progress reports. */
const WRITE_PROGRESS_EVERY = 2_000;

/**
 * The one import being written, on its own connection, in one transaction spread over many short
 * slices of the loop. Every other write gives way to it: `yieldTo` rolls the import back at once
 * (so the countdown's commit never waits on SQLite's one writer lock) and the import starts over.
 * An import that would be kept neither writes nor commits while a countdown counts (`mayWrite`):
 * its COMMIT cannot be sliced, and SQLite then rewrites the checksum of every WAL frame the import
 * wrote after the first page it overwrote in place, 10–20 ms on the loop for a 10 MB file.
 */
export class ImportWriter {
  private connection: Db | null = null;
  private preempted = false;

  constructor(
    private openConnection: () => Db,
    /** Told right after the import commits (nothing else can commit in between); resolves once it is on disk, synced off the loop. */
    private durableAfterCommit: () => Promise<void> = async () => {},
    /**
     * Starts a background sync of the store's WAL (WalSync.nudge), after each slice: what the import
     * spilled there unsynced would otherwise all be written by the next countdown commit's sync.
     */
    private syncBehind: () => void = () => {},
    /** False while a countdown counts: the import waits for it to stop (GO, a pause, an end). */
    private mayWrite: () => boolean = () => true,
  ) {}

  get busy(): boolean {
    return this.connection !== null;
  }

  /** Called before any other write: undoes the import's open transaction, which then starts over. */
  yieldTo(): void {
    if (!this.connection?.inTransaction) return;
    this.connection.exec('ROLLBACK');
    this.preempted = true;
  }

  /**
   * Writes the checked file whole or not at all; with onlyValid, the rows that pass, in savepoints.
   * `waiting` is told each time it starts to wait for a countdown to stop counting.
   */
  async write(file: CheckedImport, onlyValid: boolean, now: number, progress: (done: number, total: number) => void, waiting: () => void = () => {}): Promise<ImportResult> {
    if (file.fatal) return unreadableFile(file);
    if (this.connection) throw new Error('Another import is being written');
    this.connection = this.openConnection();
    // A file with errors is never kept unless asked for its valid rows: its pass only finds the database's refusals.
    const mayKeep = onlyValid || file.errors.length === 0;
    try {
      for (;;) {
        if (mayKeep && !this.mayWrite()) {
          waiting();
          while (!this.mayWrite()) await sleep(RESTART_AFTER_MS);
        }
        const result = await this.attempt(this.connection, file, onlyValid, now, progress);
        if (result) return result;
        await sleep(RESTART_AFTER_MS);
      }
    } finally {
      this.connection.close();
      this.connection = null;
    }
  }

  /** One pass over the rows; null when another write took the lock meanwhile. */
  private async attempt(db: Db, file: CheckedImport, onlyValid: boolean, now: number, progress: (done: number, total: number) => void): Promise<ImportResult | null> {
    this.preempted = false;
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return null;
      throw error;
    }
    let sliceEnd = performance.now() + WRITE_SLICE_MS;
    /** Lets the loop breathe once the slice is used up; false when another write took over meanwhile. */
    const goOn = async (): Promise<boolean> => {
      this.syncBehind(); // what this slice spilled into the WAL is synced while the loop breathes
      await nextTurn();
      sliceEnd = performance.now() + WRITE_SLICE_MS;
      return !this.preempted && db.inTransaction;
    };
    try {
      const pass = new ImportPass(db, file, now);
      while (pass.prepare()) {
        if (performance.now() > sliceEnd && !(await goOn())) return null;
      }
      let i = 0;
      for (let p = 0; p < file.valid.parts; p++) {
        const rows = await file.valid.part(p); // a turn of the loop goes by while it comes
        sliceEnd = performance.now() + WRITE_SLICE_MS;
        for (const plan of rows) {
          if (performance.now() > sliceEnd && !(await goOn())) return null;
          if (++i % WRITE_PROGRESS_EVERY === 0) progress(i, file.valid.count);
          // Never a row outside the import's transaction: a write that went first rolled it back.
          if (this.preempted || !db.inTransaction) return null;
          pass.row(plan);
        }
      }
      const keep = pass.keeps(onlyValid);
      if (keep && !this.mayWrite()) return null; // a countdown started meanwhile: rolled back below, written again after it
      db.exec(keep ? 'COMMIT' : 'ROLLBACK');
      if (keep) await this.durableAfterCommit();
      return pass.result(keep);
    } finally {
      if (db.inTransaction) db.exec('ROLLBACK');
    }
  }
}
