/**
 * Copies the store into a new backup, checks the copy and puts it in place, off the countdown's
 * loop: the copy and check grow with the store, and the syncs (the copy's, then its folder's after
 * the rename) wait on the disk; a backup starts after every take, just before the next countdown.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { quickCheck } from '../db/open';
import { syncPath } from '../backup';
import { answer } from './answer';

answer((input: { file: string; partial: string; final: string }) => {
  const source = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    // One consistent snapshot in one statement, on a reading connection: the countdown's writes never wait for it nor restart it.
    source.prepare('VACUUM INTO ?').run(input.partial);
  } finally {
    source.close();
  }
  const copy = new Database(input.partial);
  try {
    // Kept in rollback mode: one self-contained file.
    copy.pragma('journal_mode = DELETE');
    const problem = quickCheck(copy);
    if (problem) throw new Error(`the new backup failed its check: ${problem}`);
  } finally {
    copy.close();
  }
  syncPath(input.partial);
  // Renamed into place only when whole and synced; the folder's sync makes the new name durable.
  fs.renameSync(input.partial, input.final);
  syncPath(path.dirname(input.final));
  return { value: true };
});
