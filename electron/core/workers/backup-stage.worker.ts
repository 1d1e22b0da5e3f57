/**
 * Prepares a restore off the countdown's loop: checks the backup (quick_check), copies it beside
 * the store, brings the copy to the current schema and checks the copy. All grow with the store.
 */
import fs from 'node:fs';
import { openAndMigrate, quickCheck } from '../db/open';
import { checkFile, removeStore, syncPath } from '../backup';
import { answer } from './answer';

answer((input: { source: string; target: string; checked: boolean }) => {
  if (!input.checked && !checkFile(input.source)) return { value: { good: false } };
  try {
    fs.copyFileSync(input.source, input.target);
    const staged = openAndMigrate(input.target);
    try {
      // The very file the swap renames into place is checked here, so the store opens it without checking it again on the loop.
      const problem = quickCheck(staged);
      if (problem) throw new Error(`the copy failed its check: ${problem}`);
    } finally {
      staged.close(); // closing checkpoints the WAL into the file
    }
    syncPath(input.target);
  } catch (error) {
    removeStore(input.target);
    throw error;
  }
  return { value: { good: true } };
});
