import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrate } from './migrations/index';

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
    throw new Error(`Could not open the database at ${file}: ${(error as Error).message}`, { cause: error });
  }
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  return db;
}
