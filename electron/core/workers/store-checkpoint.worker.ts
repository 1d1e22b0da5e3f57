/**
 * Syncs the WAL and moves it into the store file, off the countdown's loop: after an import's
 * commit (which makes it durable; both grow with the import), and for the store's own checkpoints
 * (both wait on the disk).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { answer } from './answer';
import { checkpointWal } from '../db/wal';

answer((input: { file: string }) => {
  // Commits are made without a sync of their own (synchronous=NORMAL): this one covers them all.
  const wal = fs.openSync(`${input.file}-wal`, 'r+');
  try {
    fs.fsyncSync(wal);
  } finally {
    fs.closeSync(wal);
  }
  const db = new Database(input.file, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 0');
    // The restart's own commit needs no sync of its frame (its header is synced by SQLite).
    db.pragma('synchronous = NORMAL');
    // PASSIVE: never waits for a writer; a commit meanwhile just stays in the WAL for later. The
    // log is then started over here (db/wal.ts), unless a writer holds the lock at that moment.
    checkpointWal(db);
  } finally {
    db.close();
  }
  return { value: true };
});
