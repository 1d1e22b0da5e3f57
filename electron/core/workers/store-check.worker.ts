/**
 * The start-up check, off the countdown's loop: quick_check of the store file on a read-only
 * connection (it reads the WAL but never checkpoints it), before the store opens writable. When
 * the store is damaged, it also finds the newest backup that passes the same check.
 */
import Database from 'better-sqlite3';
import type { BackupVerdict } from '../backup';
import type { StoreCheck } from '../start-check';
import { quickCheck } from '../db/open';
import { SCHEMA_VERSION } from '../db/migrations/index';
import { checkFile, verdictKey } from '../backup';
import { answer } from './answer';

answer((input: { file: string; backups: { name: string; file: string }[] }) => {
  const damage = checkStore(input.file);
  const value: StoreCheck = { damage, backups: damage ? newestGood(input.backups) : [] };
  return { value };
});

/** null when sound, the complaint when not; undefined leaves the file to the writable open, as before. */
function checkStore(file: string): string | null | undefined {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch {
    return undefined;
  }
  try {
    db.pragma('busy_timeout = 2000');
    // A newer Cuelight's file is refused by the open, and one SQLite cannot read is shown empty by it.
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) return undefined;
    return quickCheck(db);
  } catch {
    return undefined;
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
