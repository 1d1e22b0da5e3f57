import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate, NewerDatabaseError, SCHEMA_VERSION } from './migrations/index';

export type Db = Database.Database;

export const DB_FILE = 'cuelight.sqlite';

/** Opens (creating if needed) the store in `dataDir` with the pragmas every write relies on. */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true });
  const db = openFile(path.join(dataDir, DB_FILE));
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

export function openFile(file: string): Db {
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new Error(describeOpenError(file, error as Error), { cause: error });
  }
  // A newer Cuelight's file is refused before anything (even the journal mode) is written to it.
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) {
    db.close();
    throw new NewerDatabaseError(version);
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  return db;
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
