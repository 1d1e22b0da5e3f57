/**
 * Reads the whole take log into the review's columns off the countdown's loop, on its own
 * read-only connection: the cost grows with the takes. The columns' buffers are moved, not copied.
 */
import Database from 'better-sqlite3';
import { TakeColumns } from '../review/columns';
import { answer } from './answer';

answer((input: { file: string }) => {
  const db = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the columns are one consistent snapshot of the store.
    const { loaded, transfer } = db.transaction(() => TakeColumns.load(db).toLoaded())();
    return { value: loaded, transfer };
  } finally {
    db.close();
  }
});
