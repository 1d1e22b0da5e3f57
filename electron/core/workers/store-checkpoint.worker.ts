/**
 * Syncs the WAL and moves it into the store file, off the countdown's loop: after an import's
 * commit (which makes it durable; both grow with the import), and for the store's own checkpoints
 * (both wait on the disk).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { answer } from './answer';

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
    // PASSIVE: never waits for nor blocks the countdown's writes; a commit meanwhile just stays in the WAL for later.
    // Nothing is written here: the log's restart is the store's own connection's to make (store.ts).
    // A write would take the lock a change on the loop waits for, and tell every reader the data changed.
    db.pragma('wal_checkpoint(PASSIVE)');
  } finally {
    db.close();
  }
  return { value: true };
});
