import fs from 'node:fs';
import type { Db } from './open';
import { totalChanges } from './wal';

/**
 * Makes the store's commits durable off the countdown's loop. The live connection commits with
 * synchronous = NORMAL (all or nothing, but no sync of its own), and this syncs its WAL in libuv's
 * thread pool: an fsync's wait is the disk's, unbounded (5–70 ms here when a backup or an import had
 * written just before), and on the loop it held GO, the displays' pongs and every other client.
 *
 * - `durable()`: resolves once everything committed before the call is on disk; a call answers only
 *   then ("nothing acknowledged is lost"). A caller whose commit came before the running sync began
 *   shares it; one whose commit came after waits for the next, which every such caller shares.
 * - `nudge()`: starts a sync unless one runs; for writes nobody waits on (GO by its timer, an
 *   import's slices, which otherwise leave megabytes for the next commit's sync to write).
 * - `syncHere()`: the same sync on the calling thread, for when nothing needs the loop meanwhile:
 *   the pool's two thread hops cost a commit ~0.1 ms, and 1–3 ms at p99 on this VM.
 *
 * Only the WAL is synced: SQLite syncs the database file itself when it checkpoints. SQLite holds
 * no locks on the WAL file, so this second descriptor on it releases none when closed.
 */
export class WalSync {
  private fd: number | null = null;
  private running: Promise<void> | null = null;
  /** The connection's total_changes when the running sync began: what it is sure to cover. */
  private covers = -1;
  /** What the last sync that succeeded covered: nothing newer, nothing to sync. */
  private synced = -1;
  private next: { promise: Promise<void>; resolve: () => void; reject: (error: Error) => void } | null = null;
  private closed = false;

  constructor(
    private readonly walFile: string,
    /** The connection whose commits are synced (its total_changes tells whether it committed since). */
    private readonly db: Db,
  ) {}

  /** Resolves once everything committed before this call is on disk; rejects with the disk's error. */
  durable(): Promise<void> {
    if (this.closed || this.upToDate()) return Promise.resolve();
    if (!this.running) return this.start();
    if (this.db.open && totalChanges(this.db) === this.covers) return this.running;
    // This caller committed after the running sync began: one more after it, shared.
    if (!this.next) {
      let resolve!: () => void;
      let reject!: (error: Error) => void;
      const promise = new Promise<void>((ok, no) => ((resolve = ok), (reject = no)));
      this.next = { promise, resolve, reject };
    }
    return this.next.promise;
  }

  /**
   * Syncs on the calling thread, now: for when nothing else needs the loop meanwhile (see
   * Store.durable). It covers every commit so far, whatever syncs are running. Throws the disk's error.
   */
  syncHere(): void {
    if (this.closed) return;
    const covers = totalChanges(this.db);
    if (!this.running && covers === this.synced) return; // up to date (one read of the count, not two)
    const fd = this.openWal();
    if (fd === null) return;
    fs.fdatasyncSync(fd);
    this.synced = covers;
  }

  /** The WAL's descriptor, opened once; null when there is no WAL (nothing was ever committed to one). */
  private openWal(): number | null {
    try {
      return (this.fd ??= fs.openSync(this.walFile, 'r+'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  /** Nothing was committed since the last sync that succeeded (and none is running that might race it). */
  private upToDate(): boolean {
    return !this.running && this.db.open && totalChanges(this.db) === this.synced;
  }

  /** Starts a sync unless one is running; its failure is left to the next `durable()`, which reports it. */
  nudge(): void {
    if (!this.running && !this.closed && !this.upToDate()) this.start().catch(() => {});
  }

  /** Takes no more syncs; lets go of the file once those under way (and their waiters') are done. */
  close(): void {
    this.closed = true;
    this.release();
  }

  private release(): void {
    if (!this.closed || this.running || this.fd === null) return;
    fs.closeSync(this.fd);
    this.fd = null;
  }

  private start(): Promise<void> {
    const covers = (this.covers = this.db.open ? totalChanges(this.db) : -1);
    const run = new Promise<void>((resolve, reject) => {
      const fd = this.openWal();
      if (fd === null) return resolve();
      fs.fdatasync(fd, (error) => {
        if (error) return reject(error);
        this.synced = covers;
        resolve();
      });
    });
    this.running = run;
    const then = () => {
      this.running = null;
      const waiting = this.next;
      this.next = null;
      if (waiting) this.start().then(waiting.resolve, waiting.reject);
      else this.release();
    };
    run.then(then, then);
    return run;
  }
}
