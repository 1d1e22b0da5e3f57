import Database from 'better-sqlite3';
import path from 'node:path';
import { migrate, NewerDatabaseError, SCHEMA_VERSION } from './migrations/index';
import { preallocateWal } from './wal';
import { searchKey } from '../../../shared/text';
import { ensurePrivateDir, ensurePrivateStore } from './private-files';

export type Db = Database.Database;

export const DB_FILE = 'cuelight.sqlite';
/** 40 MB of 4 KiB pages: past this, a commit checkpoints the WAL itself. */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

/** A store as opened at start: `damage` says why the start-up check failed (the db is then read-only). */
export interface OpenedStore {
  db: Db;
  damage: string | null;
}

/** Opens (creating if needed) the store in `dataDir` with the pragmas every write relies on. */
export function openDatabase(dataDir: string): Db {
  ensurePrivateDir(dataDir);
  return openAndMigrate(path.join(dataDir, DB_FILE));
}

/**
 * What a check off the loop found in the store file as it is just now (the start-up check's worker,
 * a restore's staged copy): null when sound, else its complaint; undefined when it was not checked.
 */
export type CheckVerdict = string | null | undefined;

/**
 * Opens the store after PRAGMA quick_check. A damaged file is never migrated or written: it is
 * opened read-only (or, when it cannot be read at all, replaced by an empty in-memory schema).
 * `verdict`: the check already made off the loop; only an unchecked file is checked here, on the loop.
 */
export function openStore(dataDir: string, verdict: CheckVerdict = undefined): OpenedStore {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, DB_FILE);
  if (typeof verdict === 'string') return { db: openReadOnly(file), damage: verdict };
  let db: Db;
  try {
    db = openFile(file);
  } catch (error) {
    if (!(error instanceof DamagedStoreError)) throw error;
    return { db: openReadOnly(file), damage: error.message };
  }
  const problem = verdict === null ? null : quickCheck(db);
  if (problem) {
    db.close();
    return { db: openReadOnly(file), damage: problem };
  }
  try {
    migrate(db);
    preallocateWal(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return { db, damage: null };
}

/** Opens a file as a store at the current schema; closes it again if a step fails. */
export function openAndMigrate(file: string): Db {
  const db = openFile(file);
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The file is there but SQLite cannot read it as a database (torn header, foreign bytes). */
export class DamagedStoreError extends Error {}

export function openFile(file: string): Db {
  let db: Db;
  try {
    ensurePrivateStore(file);
    db = new Database(file);
  } catch (error) {
    throw new Error(describeOpenError(file, error as Error), { cause: error });
  }
  try {
    // A newer Cuelight's file is refused before anything (even the journal mode) is written to it.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw new NewerDatabaseError(version);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    // The review's change notes (review/change-notes.ts) are temp tables: kept in memory, never on disk.
    db.pragma('temp_store = MEMORY');
    // The core checkpoints between calls (db/wal.ts); this only bounds the WAL if it never gets to.
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    addSqlFunctions(db);
  } catch (error) {
    db.close();
    if (error instanceof NewerDatabaseError) throw error;
    throw new DamagedStoreError(cannotRead(error as Error), { cause: error });
  }
  return db;
}

/** What the start-up check says of a file SQLite cannot read as a database, wherever it finds that. */
export function cannotRead(error: Error): string {
  return `SQLite cannot read it (${error.message})`;
}

/** SQL's lower() folds ASCII only: searches in SQL use the review's own rule (shared/text.ts). */
function addSqlFunctions(db: Db): Db {
  db.function('search_key', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchKey(text) : ''));
  return db;
}

/** PRAGMA quick_check: null when the file is sound, else its first complaint. */
export function quickCheck(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check') as { quick_check: string }[];
    if (rows.length === 1 && rows[0]!.quick_check === 'ok') return null;
    return `quick_check found: ${rows.map((r) => r.quick_check).slice(0, 3).join('; ')}`;
  } catch (error) {
    return `quick_check could not finish (${(error as Error).message})`;
  }
}

/**
 * A private copy of the store in memory, as of one moment, with the same rules as the store
 * (foreign keys, SQL functions): a worker tries writes on it that must never reach the store,
 * and never takes the store's one writer lock.
 */
export function openCopyInMemory(file: string): Db {
  const source = new Database(file, { readonly: true, fileMustExist: true });
  let image: Buffer;
  try {
    image = source.serialize();
  } finally {
    source.close();
  }
  // The image says WAL mode (header bytes 18-19), which an in-memory database cannot use.
  image[18] = 1;
  image[19] = 1;
  const db = new Database(image);
  db.pragma('foreign_keys = ON');
  db.pragma('temp_store = MEMORY');
  return addSqlFunctions(db);
}

/** A damaged store, opened so that nothing can write to it; unreadable ones become an empty schema. */
function openReadOnly(file: string): Db {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma('user_version', { simple: true });
    return addSqlFunctions(db);
  } catch {
    return openEmpty();
  }
}

/** An empty in-memory store at the current schema: what a read-only core reads when its file cannot be. */
export function openEmpty(): Db {
  const db = new Database(':memory:');
  migrate(db);
  return addSqlFunctions(db);
}

/** better-sqlite3 ships one N-API build per platform; if it ever mismatches, say so plainly. */
function describeOpenError(file: string, error: Error): string {
  if (/NODE_MODULE_VERSION|was compiled against|invalid ELF|wrong ELF|not a valid Win32|dlopen|\.node/i.test(error.message)) {
    return (
      `The SQLite driver (better-sqlite3) could not load on ${process.platform}-${process.arch} with Node ${process.versions.node}: ` +
      `${error.message}. Reinstall with \`npm ci\` on this machine (it ships prebuilt N-API binaries; no rebuild is needed).`
    );
  }
  return `Could not open the database at ${file}: ${error.message}`;
}
