import path from 'node:path';
import type { CheckVerdict, Db } from './db/open';
import type { Clock } from './clock';
import type { CheckedFolder } from './start-check';
import { DB_FILE, openEmpty, openStore, WAL_AUTOCHECKPOINT_PAGES } from './db/open';
import { runWorker } from './workers/run-worker';
import { Checkpointer, checkpointWal, startWalOver, totalChanges } from './db/wal';
import { WalSync } from './db/wal-sync';
import { countPlans } from './repos/plans';
import { loadDemo } from './demo';
import { removeStore, swapStore } from './backup';
import { refusal } from './errors';
import { lockFolder } from './folder-lock';

/** How often the store looks whether the WAL is due a checkpoint (see db/wal.ts). */
const CHECKPOINT_EVERY_MS = 1_000;

/** One opening of the store file; a restore replaces it whole. */
interface Opened {
  db: Db;
  /** Why the start-up check failed; null when writable. */
  damage: string | null;
  /** While read-only, the countdown runs on an empty in-memory store: nothing touches the damaged file. */
  scratch: Db | null;
  checkpointer: Checkpointer | null;
  /** Syncs the writable store's WAL off the loop; null while read-only. */
  walSync: WalSync | null;
  /** The connection's change count once the file was brought to this version's schema: nobody's work yet. */
  changesAtOpen: number;
}

/**
 * The data folder's store: locked for this process, opened with its damage check, checkpointed
 * in the background, swapped for a backup on restore, closed on quit. `checked`: the folder
 * already locked and its store checked off the loop (start-check.ts), as both hosts open it;
 * without it, the store locks the folder and checks the file itself, on the loop.
 */
export class Store {
  readonly file: string;
  private opened: Opened;
  private swapping = false;
  private readonly unlock: () => void;
  private readonly checkpoints: NodeJS.Timeout;
  /** The checkpoint running in its worker, if one is. */
  private checkpointing: Promise<void> | null = null;
  /** A worker's checkpoint emptied the log: its restart is this connection's to make (see checkpoint()). */
  private restartOwed = false;
  /** The takes left running, as the start-up check found them: for the first services built on this opening. */
  private openTakesAtStart: number[] | null;

  constructor(
    private readonly dataDir: string,
    private readonly clock: Clock,
    demo: boolean,
    checked?: CheckedFolder,
  ) {
    this.file = path.join(dataDir, DB_FILE);
    this.unlock = checked?.unlock ?? lockFolder(dataDir);
    this.openTakesAtStart = checked?.openTakes ?? null;
    try {
      removeStore(this.stagedFile); // a restore cut short by a crash left its staged copy
      this.opened = this.open(demo, checked?.verdict);
    } catch (error) {
      this.unlock(); // a store this version cannot open leaves the folder free for one that can
      throw error;
    }
    // Checkpoints run between calls, off the commit path, and seldom: see db/wal.ts.
    // A real timer, not the injected clock: this is disk housekeeping, not show time.
    this.checkpoints = setInterval(() => this.checkpoint(), CHECKPOINT_EVERY_MS);
    this.checkpoints.unref();
  }

  /**
   * The takes the start-up check found still running, once: the countdown's recovery marks them
   * interrupted without reading every take on the loop. Null after (a restore opens another file).
   */
  takeOpenTakesAtStart(): number[] | null {
    const found = this.openTakesAtStart;
    this.openTakesAtStart = null;
    return found;
  }

  /** The store file's connection (read-only while damaged). */
  get db(): Db {
    return this.opened.db;
  }

  /** Where the countdown, show control and readiness write: the scratch store while read-only. */
  get liveDb(): Db {
    return this.opened.scratch ?? this.opened.db;
  }

  get damage(): string | null {
    return this.opened.damage;
  }

  get readOnly(): boolean {
    return this.opened.damage !== null;
  }

  /**
   * The change count (db/wal.ts totalChanges) of the file as opened, before anyone's work: the
   * schema's own rows are no one's, while the demo shoot loaded on a first run is worth keeping.
   */
  get changesAtOpen(): number {
    return this.opened.changesAtOpen;
  }

  /** A restore is under way: from its first check until the restored store is open. */
  get restoring(): boolean {
    return this.swapping;
  }

  /** Where a restore stages the backup it swaps in. */
  get stagedFile(): string {
    return `${this.file}.restoring`;
  }

  /** The checkpointer counts changes from here: call once the services on a fresh opening are built. */
  startCheckpointing(): void {
    this.opened.checkpointer = this.readOnly ? null : new Checkpointer(this.opened.db);
  }

  /**
   * Called right after an import committed (without a sync of its own, see services.ts): a worker
   * syncs the WAL, which makes the import durable (resolves then), and moves its pages into the
   * store file. Until it has, the store's own connection does not checkpoint on commit (GO's
   * commit would otherwise copy the whole import on the loop).
   */
  durableAfterBigCommit(): Promise<void> {
    const db = this.opened.db;
    if (this.readOnly || !db.open) return Promise.resolve();
    db.pragma('wal_autocheckpoint = 0');
    return runWorker<boolean>('store-checkpoint', { file: this.file })
      .then(() => void (this.restartOwed = true))
      .finally(() => {
        if (db.open) db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
      });
  }

  /**
   * Whether a sync may wait on the loop now: set by the core to "no countdown is counting and
   * nothing else is writing" (core.ts). By default it never may.
   */
  loopMayWait: () => boolean = () => false;

  /** Whether a countdown counts to GO: set by the core (core.ts). No checkpoint starts meanwhile. */
  counting: () => boolean = () => false;

  /**
   * Resolves once every commit made so far is on disk: a call that changed something answers
   * after it (dispatch.ts). The sync runs in libuv's thread pool, unless `loopMayWait()`: between
   * takes, with no backup, checkpoint or import writing, the loop syncs itself and saves the hops.
   */
  durable(): Promise<void> {
    const walSync = this.opened.walSync;
    if (!walSync) return Promise.resolve();
    if (!this.loopMayWait()) return walSync.durable();
    try {
      walSync.syncHere();
      return Promise.resolve();
    } catch (error) {
      return Promise.reject(error as Error);
    }
  }

  /** Starts a sync of what was committed without anyone waiting (GO by its timer, an import's slice). */
  syncSoon(): void {
    this.opened.walSync?.nudge();
  }

  /** Runs one restore at a time; checkpoints hold off until it ends. */
  async whileRestoring(work: () => Promise<void>): Promise<void> {
    if (this.swapping) throw refusal('conflict', 'err.restoreBusy');
    this.swapping = true;
    try {
      await this.checkpointing; // its worker must not hold the file being swapped
      await work();
    } finally {
      this.swapping = false;
    }
  }

  /**
   * Closes the current file, puts the staged backup in its place and opens it (the old one again
   * if the swap failed); `reopened` builds on whichever opened, before a swap error goes on.
   */
  swap(staged: string, reopened: () => void): void {
    this.closeDb();
    let swapped = false;
    try {
      swapStore(staged, this.file);
      swapped = true;
    } finally {
      // The staged copy was checked in its worker after its migration: the very file now in place. The old one (a failed swap) is checked again.
      this.opened = this.open(false, swapped ? null : undefined);
      reopened();
    }
  }

  close(): void {
    clearInterval(this.checkpoints);
    if (this.opened.db.open) this.closeDb();
    this.unlock();
  }

  private open(demo: boolean, verdict: CheckVerdict): Opened {
    const { db, damage } = openStore(this.dataDir, verdict);
    const changesAtOpen = damage === null ? totalChanges(db) : 0; // a damaged file is never written
    if (damage === null && demo && countPlans(db) === 0) loadDemo(db, this.clock.now());
    // Commits write the WAL without a sync of their own; WalSync syncs it off the loop (db/wal-sync.ts).
    if (damage === null) db.pragma('synchronous = NORMAL');
    const walSync = damage === null ? new WalSync(`${this.file}-wal`, db) : null;
    return { db, damage, scratch: damage === null ? null : openEmpty(), checkpointer: null, walSync, changesAtOpen };
  }

  private closeDb(): void {
    this.opened.walSync?.close();
    this.opened.db.close();
    this.opened.scratch?.close();
    this.opened.scratch = null;
  }

  private checkpointHere(): void {
    try {
      checkpointWal(this.opened.db);
    } catch (error) {
      checkpointFailed(error);
    }
  }

  private checkpoint(): void {
    if (this.readOnly || this.swapping || !this.opened.db.open) return;
    // Writes nobody waited on (show control's results, readiness) are on disk within a second.
    this.opened.walSync?.nudge();
    // After a worker's checkpoint the log is started over here, at the first tick the loop may wait
    // on the disk, so the header's sync is not in the next change (db/wal.ts). A change that came
    // first has started it over itself, as SQLite does, and this write only appends.
    if (this.restartOwed && !this.checkpointing && this.loopMayWait()) {
      this.restartOwed = false;
      startWalOver(this.opened.db);
    }
    // Not while a countdown counts: what it writes is a few frames, and the first change after a
    // checkpoint that emptied the log (GO's take, say) would start the log over and sync its header.
    if (this.checkpointing || this.counting() || !this.opened.checkpointer?.takeDue()) return;
    // A checkpoint syncs the WAL and the store file, and a sync can wait on the disk for tens of
    // milliseconds (hundreds when it is busy): on the loop only when a change's sync may wait
    // there too (between takes, nothing else writing), else in a worker (whose start costs more
    // CPU than the checkpoint). PASSIVE both ways: commits neither wait for it nor are undone by it.
    if (this.loopMayWait()) return this.checkpointHere();
    const db = this.opened.db;
    this.checkpointing = runWorker<boolean>('store-checkpoint', { file: this.file })
      .then(() => void (this.restartOwed = true))
      // A store closed meanwhile (a quit stops its workers) has nothing to retry and nothing to report.
      .catch((error: unknown) => {
        if (db.open) checkpointFailed(error);
      })
      .finally(() => (this.checkpointing = null));
  }
}

function checkpointFailed(error: unknown): void {
  console.error(`WAL checkpoint failed (the next one will retry): ${(error as Error).message}`);
}
