import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Backup } from '../../shared/contract/settings';
import type { Clock } from './clock';
import type { Db } from './db/open';
import { quickCheck } from './db/open';
import { ensurePrivateDir, ensurePrivateFile } from './db/private-files';
import { CuelightError, refusal } from './errors';
import { runWorker } from './workers/run-worker';

/** How many backups are kept; the oldest beyond this are deleted after each new one. */
export const BACKUP_KEEP = 20;
export const BACKUP_DIR = 'backups';
export const DAMAGED_DIR = 'damaged';

const NAME = /^cuelight-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})\.(\d{3})Z(?:-(\d+))?\.sqlite$/;

/** A backup's file name from its time: ISO 8601 with the colons that Windows forbids made dashes. */
export function backupName(at: number, seq = 1): string {
  const stamp = new Date(at).toISOString().replace(/:/g, '-');
  return `cuelight-${stamp}${seq > 1 ? `-${seq}` : ''}.sqlite`;
}

/** The time and same-millisecond sequence a backup name carries; null for any other file. */
export function parseBackupName(name: string): { createdAt: number; seq: number } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(createdAt) ? null : { createdAt, seq: Number(m[6] ?? 1) };
}

/** Flushes a file or folder to disk; folders cannot be opened for sync on Windows, which is fine there. */
export function syncPath(target: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(target, 'r');
    fs.fsyncSync(fd);
  } catch {
    // best effort: the rename itself is atomic either way
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The store's backups in <dataDir>/backups: copied and checked with quick_check in a worker (so
 * the countdown keeps running), renamed into place only when whole.
 */
export class Backups {
  readonly dir: string;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;
  /** quick_check verdicts by name, size and mtime: a backup is checked once, not on every start. */
  private verdicts = new Map<string, boolean>();

  constructor(
    private dataDir: string,
    private clock: Clock,
  ) {
    this.dir = path.join(dataDir, BACKUP_DIR);
  }

  /** Newest first. */
  list(): Backup[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir);
    } catch {
      return [];
    }
    const found: (Backup & { seq: number })[] = [];
    for (const name of names) {
      const parsed = parseBackupName(name);
      if (!parsed) continue;
      try {
        found.push({ name, createdAt: parsed.createdAt, seq: parsed.seq, bytes: fs.statSync(path.join(this.dir, name)).size });
      } catch {
        // removed while listing
      }
    }
    found.sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
    return found.map(({ name, createdAt, bytes }) => ({ name, createdAt, bytes }));
  }

  /** The full path of a listed backup; anything else (a typo, a path) is not found. */
  pathOf(name: string): string {
    if (!parseBackupName(name) || path.basename(name) !== name || !fs.existsSync(path.join(this.dir, name))) {
      throw refusal('not_found', 'err.noBackup', { params: { name }, field: 'name' });
    }
    return path.join(this.dir, name);
  }

  /** Makes one backup of `db`, after any already running; resolves once it is on disk. */
  create(db: Db): Promise<Backup> {
    const made = this.queue.then(() => this.make(db));
    this.queue = made.catch(() => undefined);
    return made;
  }

  /** Resolves when no backup is running. */
  async idle(): Promise<void> {
    await this.queue;
  }

  /** The newest backup that passes quick_check, or null. */
  newestGood(): Backup | null {
    return this.list().find((b) => this.isGood(b.name)) ?? null;
  }

  isGood(name: string): boolean {
    const key = verdictKey(path.join(this.dir, name));
    if (key === null) return false;
    const known = this.verdicts.get(key);
    if (known !== undefined) return known;
    const good = checkFile(path.join(this.dir, name));
    this.verdicts.set(key, good);
    return good;
  }

  /** Verdicts found elsewhere (the start-up check's worker), so the same files are not checked again on the loop. */
  learn(found: readonly BackupVerdict[]): void {
    for (const { key, good } of found) this.verdicts.set(key, good);
  }

  /**
   * Copies a backup to `target` and brings it to the current schema, ready to be renamed over the
   * store, in a worker: the check, the copy and the migration all grow with the store. Rejects
   * (leaving nothing behind) if the backup is damaged or from a newer Cuelight.
   */
  async stage(name: string, target: string): Promise<void> {
    const source = this.pathOf(name);
    const key = verdictKey(source);
    const damaged = () => refusal('conflict', 'err.backupDamaged', { params: { name }, field: 'name' });
    if (key === null || this.verdicts.get(key) === false) throw damaged();
    removeStore(target);
    let staged: { good: boolean };
    try {
      staged = await runWorker<{ good: boolean }>('backup-stage', { source, target, checked: this.verdicts.get(key) === true });
    } catch (error) {
      removeStore(target);
      if (error instanceof CuelightError) throw error;
      throw refusal('conflict', 'err.backupUnusable', { params: { name, reason: (error as Error).message }, field: 'name' });
    }
    this.verdicts.set(key, staged.good);
    if (!staged.good) throw damaged();
  }

  /** Keeps a damaged store's files (with its WAL) aside in <dataDir>/damaged, so a restore loses nothing. */
  keepDamaged(storeFile: string): string {
    const dir = path.join(this.dataDir, DAMAGED_DIR);
    ensurePrivateDir(dir);
    const base = backupName(this.clock.now()).replace(/^cuelight-/, 'cuelight-damaged-');
    for (const suffix of ['', '-wal']) {
      if (fs.existsSync(storeFile + suffix) && fs.statSync(storeFile + suffix).size > 0) fs.copyFileSync(storeFile + suffix, path.join(dir, base + suffix));
    }
    syncPath(dir);
    return path.join(dir, base);
  }

  /** After close, a backup still running is abandoned quietly: its connection is gone. */
  close(): void {
    this.closed = true;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async make(db: Db): Promise<Backup> {
    ensurePrivateDir(this.dir);
    const name = this.freeName();
    const partial = path.join(this.dir, `.${name}.partial`);
    try {
      ensurePrivateFile(partial);
      await runWorker('store-backup', { file: db.name, partial, final: path.join(this.dir, name) });
    } catch (error) {
      removeStore(partial);
      throw error;
    }
    await this.prune();
    const created = parseBackupName(name)!.createdAt;
    return { name, createdAt: created, bytes: fs.statSync(path.join(this.dir, name)).size };
  }

  private freeName(): string {
    const now = this.clock.now();
    for (let seq = 1; ; seq++) {
      const name = backupName(now, seq);
      if (!fs.existsSync(path.join(this.dir, name))) return name;
    }
  }

  /** Deletes the oldest beyond BACKUP_KEEP, in libuv's pool: an unlink can wait on the disk too. */
  private async prune(): Promise<void> {
    await Promise.all(this.list().slice(BACKUP_KEEP).map((old) => fs.promises.rm(path.join(this.dir, old.name), { force: true })));
  }

  /**
   * A backup cut short by a crash is never listed; its file is removed at the next start, once
   * that start holds the folder's lock: before it, the partial may be the running Cuelight's own
   * backup in the making (a second launch on the folder would otherwise delete it and then stop).
   */
  removeCutShort(): void {
    try {
      for (const name of fs.readdirSync(this.dir)) if (name.endsWith('.partial') || name.includes('.partial-')) removeStore(path.join(this.dir, name));
    } catch {
      // no backups yet
    }
  }
}

/** A backup's quick_check verdict, found off the loop, under the key `Backups` keeps it by. */
export interface BackupVerdict {
  name: string;
  key: string;
  good: boolean;
}

/** A backup's verdict is kept for its name, size and mtime; null when it is gone. */
export function verdictKey(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${path.basename(file)}:${stat.size}:${stat.mtimeMs}`;
  } catch {
    return null;
  }
}

/** True when a backup file opens and passes quick_check. */
export function checkFile(file: string): boolean {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      return quickCheck(db) === null;
    } finally {
      db.close();
    }
  } catch {
    return false;
  }
}

/** Removes a database file and the WAL files beside it. */
export function removeStore(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Moves a staged store over the live one: its WAL files go first, so none is applied to the new file. */
export function swapStore(staged: string, storeFile: string): void {
  for (const suffix of ['-wal', '-shm']) fs.rmSync(storeFile + suffix, { force: true });
  fs.renameSync(staged, storeFile);
  syncPath(path.dirname(storeFile));
}
