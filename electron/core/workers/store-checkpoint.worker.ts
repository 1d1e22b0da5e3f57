/** Moves a big WAL (an import's commit) into the store file off the countdown's loop: its cost grows with the import. */
import Database from 'better-sqlite3';
import { answer } from './answer';

answer((input: { file: string }) => {
  const db = new Database(input.file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    // PASSIVE: never waits for nor blocks the countdown's writes; a commit meanwhile just stays in the WAL for later.
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
  return { value: true };
});
