import fs from 'node:fs';
import type { Db } from './open';
import type { Statement } from 'better-sqlite3';

/**
 * How the store's write-ahead log is kept, so that a commit costs one fsync of data already on disk:
 *
 * - Checkpoints are rare, and the store makes the first write after each itself (checkpointWal,
 *   startWalOver). SQLite starts the log over at the first write after a checkpoint that copied it
 *   all back, and syncs the new header inside that commit: left to itself, the next change anyone
 *   made (an outcome, GO's take) waited on the disk twice.
 * - The WAL is laid out in zeros when the store opens, as PostgreSQL lays out its WAL segments. A
 *   commit then overwrites blocks the file already has; one that made the file longer would also
 *   have to sync the file's new size, which costs about as much again.
 */

/**
 * Rows changed (this connection's total_changes) between checkpoints. Checkpointing on every idle
 * tick put a second fsync on nearly every outcome an operator logged, minutes apart; now ~150
 * outcome commits (~300 WAL frames) share one restart.
 */
export const CHECKPOINT_AFTER_CHANGES = 500;

const changeCounts = new WeakMap<Db, Statement>();

/**
 * Rows this connection has changed since it opened (trigger rows included). Read around every
 * commit (db/wal-sync.ts), so it has a statement of its own, set to plain values once.
 */
export function totalChanges(db: Db): number {
  let count = changeCounts.get(db);
  if (!count) changeCounts.set(db, (count = db.prepare('SELECT total_changes()').pluck()));
  return count.get() as number;
}

/** Moves the WAL into the database file between calls, never inside a commit, once enough has changed. */
export class Checkpointer {
  private changesAt: number;

  constructor(
    private readonly db: Db,
    private readonly afterChanges = CHECKPOINT_AFTER_CHANGES,
  ) {
    this.changesAt = totalChanges(db);
  }

  /**
   * True when enough has changed since the last checkpoint; counting starts again from here. The
   * caller checkpoints (PASSIVE: it never waits, never blocks a writer): the store on its loop
   * between takes, else in a worker (store.ts).
   */
  takeDue(): boolean {
    const changes = totalChanges(this.db);
    if (changes - this.changesAt < this.afterChanges) return false;
    this.changesAt = changes;
    return true;
  }
}

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * A PASSIVE checkpoint (it never waits for a writer, nor holds one up), then, when it copied the
 * whole log back, the first write after it (startWalOver). Returns whether that write was made.
 */
export function checkpointWal(db: Db): boolean {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)') as CheckpointResult[];
  // log is -1 when the file is not in WAL mode: no log to start over.
  if (!result || result.busy !== 0 || result.log < 0 || result.checkpointed !== result.log) return false;
  return startWalOver(db);
}

/**
 * Makes the first write after a checkpoint now, so SQLite's restart of the log, and its fsync of
 * the new WAL header, happen here and not inside the next change someone waits on. The header is
 * synced even under synchronous = NORMAL (sqlite.org/src/info/ff5be73dee: without it a power cut
 * after a restart could corrupt the store), so the sync is kept; only its place moves. The write
 * sets user_version to what it is: one page (the file's first), no change of meaning.
 *
 * SQLite starts the log over on this write unless a reader still holds a snapshot of the log (the
 * backup's VACUUM INTO, the review's load): the write then appends, and so does every change until
 * the next checkpoint, which tries again. Only the store's own connection makes it: from another
 * one (a worker's), it would take the lock a change on the loop waits for, and tell every reader
 * of the store that the data changed. False when it could not write.
 */
export function startWalOver(db: Db): boolean {
  try {
    db.transaction(() => {
      const version = db.pragma('user_version', { simple: true }) as number;
      db.pragma(`user_version = ${version}`);
    }).immediate();
    return true;
  } catch {
    // Busy (another connection writes: its commit starts the log over), a full disk: the next
    // commit's to report. This write only moves a sync; the checkpoint before it stands.
    return false;
  }
}

/**
 * ~500 frames of 4 KiB: more than the commits between two checkpoints write. Laying it out costs
 * ~15 ms at open on this machine (8 MB cost ~80 ms, too much for a start).
 */
export const WAL_PREALLOCATE_BYTES = 2 * 1024 * 1024;

/**
 * Checkpoints everything and empties the WAL (TRUNCATE), then fills it with zeros up to
 * WAL_PREALLOCATE_BYTES. Zeros are not valid frames (they fail the header's salt and checksum), so
 * SQLite reads them as the end of the log, exactly as it does the stale frames a reused WAL keeps.
 * Done only when the checkpoint emptied the log; otherwise the WAL is left as it is.
 */
export function preallocateWal(db: Db, file: string): void {
  if (db.readonly) return;
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number }[];
  if (!result || result.busy !== 0 || result.log !== 0) return;
  const wal = `${file}-wal`;
  // Under the write lock, so no other connection (another process on the same folder) can commit
  // frames between the check that the log is empty and the zeros.
  db.transaction(() => {
    if (fs.statSync(wal, { throwIfNoEntry: false })?.size !== 0) return;
    const fd = fs.openSync(wal, 'r+');
    try {
      fs.writeSync(fd, Buffer.alloc(WAL_PREALLOCATE_BYTES), 0, WAL_PREALLOCATE_BYTES, 0);
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  }).immediate();
  startWalOver(db);
}
