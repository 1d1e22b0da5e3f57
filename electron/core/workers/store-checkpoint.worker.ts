/**
 * After an import's commit: makes it durable (syncs the WAL) and moves it into the store file, off
 * the countdown's loop. Both grow with the import.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { answer } from './answer';

answer((input: { file: string }) => {
  // The import committed without a sync (synchronous=NORMAL): this is the sync, and its answer waits for it.
  const wal = fs.openSync(`${input.file}-wal`, 'r+');
  try {
    fs.fsyncSync(wal);
  } finally {
    fs.closeSync(wal);
  }
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
