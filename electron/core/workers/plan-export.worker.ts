/** Writes the plans export off the countdown's loop, on its own read-only connection, and its JSON too. */
import Database from 'better-sqlite3';
import { exportPlans } from '../services/plan-export';
import { answer, asJson } from './answer';

answer((input: { file: string; format: 'csv' | 'json'; shootDate?: string }, progress) => {
  const db = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    return asJson(exportPlans(db, input, progress));
  } finally {
    db.close();
  }
});
