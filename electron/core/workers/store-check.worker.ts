/**
 * The start-up check, off the countdown's loop: quick_check of the store file on a read-only
 * connection (it reads the WAL but never checkpoints it), before the store opens writable. When
 * the store is damaged, it also finds the newest backup that passes the same check.
 */
import Database from 'better-sqlite3';
import type { BackupVerdict } from '../backup';
import type { StoreCheck } from '../start-check';
import { cannotRead, quickCheck } from '../db/open';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { checkFile, verdictKey } from '../backup';
import { OPEN_TAKE } from '../repos/takes';
import { answer } from './answer';

answer((input: { file: string; backups: { name: string; file: string }[] }) => {
  const { damage, openTakes } = checkStore(input.file);
  const value: StoreCheck = { damage, backups: damage ? newestGood(input.backups) : [], openTakes };
  return { value };
});

/**
 * The takes left running when Cuelight stopped, which the open marks interrupted: found here, as
 * the loop would find them only by reading every take (no index has them; 7 ms warm and ~100 ms
 * cold at 100,000, on the loop at start). Null when they could not be read: the open looks itself.
 */
function openTakes(db: Database.Database): number[] | null {
  try {
    return db.prepare(`SELECT id FROM takes WHERE ${OPEN_TAKE}`).pluck().all() as number[];
  } catch {
    return null;
  }
}

/**
 * damage: null when sound, the complaint when not; undefined leaves the file to the writable open
 * (a newer Cuelight's, or one it cannot open). openTakes: only when sound, read on the same connection.
 */
function checkStore(file: string): Pick<StoreCheck, 'damage' | 'openTakes'> {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return { damage: undefined, openTakes: null };
  }
  try {
    try {
      db.pragma('busy_timeout = 2000');
      // A newer Cuelight's file is left to the open, which refuses it before anything else.
      if ((db.pragma('user_version', { simple: true }) as number) > SCHEMA_VERSION) return { damage: undefined, openTakes: null };
      db.prepare('SELECT count(*) FROM sqlite_master').get(); // the schema: what the writable open reads first
    } catch (error) {
      return { damage: cannotRead(error as Error), openTakes: null };
    }
    const damage = quickCheck(db);
    return { damage, openTakes: damage === null ? openTakes(db) : null };
  } finally {
    db.close(); // read-only: it never checkpoints nor removes the WAL, even as the last connection
  }
}

/** Newest first, up to and with the first good one: what the read-only banner names. */
function newestGood(backups: { name: string; file: string }[]): BackupVerdict[] {
  const verdicts: BackupVerdict[] = [];
  for (const backup of backups) {
    const key = verdictKey(backup.file);
    if (key === null) continue; // removed meanwhile
    const good = checkFile(backup.file);
    verdicts.push({ name: backup.name, key, good });
    if (good) break;
  }
  return verdicts;
}
