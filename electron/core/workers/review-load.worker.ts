/**
 * Reads the whole take log into the review's columns off the countdown's loop, on its own
 * read-only connection: the cost grows with the takes. The columns' buffers are moved, not copied.
 */
import Database from 'better-sqlite3';
import type { LoadedColumns } from '../review/columns';
import { TakeColumns } from '../review/columns';
import type { NameRanks } from '../review/order';
import { nameRanks, SortOrder } from '../review/order';
import { answer } from './answer';

/** Rows of search text per part: each part is read on the loop in a turn of its own. */
export const TEXT_ROWS_PER_PART = 10_000;

/** The columns, and what every first page needs built here too: the name ranks and the newest-first order (the longest sort). */
export type LoadedReview = LoadedColumns & { byGoAt: { rows: Uint32Array; size: number }; names: NameRanks };

answer((input: { file: string }) => {
  const db = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    // One read transaction: the columns are one consistent snapshot of the store.
    const columns = db.transaction(() => TakeColumns.load(db))();
    const byGoAt = new SortOrder(columns, () => 0).rowsInOrder();
    const { loaded, transfer } = columns.toLoaded();
    const parts: unknown[][] = [];
    for (let i = 0; i < columns.size; i += TEXT_ROWS_PER_PART) {
      parts.push([columns.noteKey.slice(i, i + TEXT_ROWS_PER_PART), columns.marksKey.slice(i, i + TEXT_ROWS_PER_PART)]);
    }
    const value: LoadedReview = { ...loaded, byGoAt, names: nameRanks(columns) };
    return { value, transfer: [...transfer, byGoAt.rows.buffer as ArrayBuffer], parts };
  } finally {
    db.close();
  }
});
