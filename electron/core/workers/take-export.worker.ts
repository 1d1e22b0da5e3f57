/** Writes the takes export off the countdown's loop: the review's cold load and the file both grow with the takes. */
import Database from 'better-sqlite3';
import type { z } from 'zod';
import type { takeExport } from '../../../shared/contract/takes';
import { exportTakes } from '../services/take-export';
import { answer, asJson } from './answer';

answer((input: { file: string; now: number; request: z.output<typeof takeExport> }) => {
  const db = new Database(input.file, { readonly: true, fileMustExist: true });
  try {
    return asJson(exportTakes(db, input.request, input.now));
  } finally {
    db.close();
  }
});
