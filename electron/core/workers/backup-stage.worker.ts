/**
 * Prepares a restore off the countdown's loop: checks the backup (quick_check), copies it beside
 * the store and brings the copy to the current schema. All three grow with the store.
 */
import fs from 'node:fs';
import { openAndMigrate } from '../db/open';
import { checkFile, removeStore, syncPath } from '../backup';
import { answer } from './answer';

answer((input: { source: string; target: string; checked: boolean }) => {
  if (!input.checked && !checkFile(input.source)) return { value: { good: false } };
  try {
    fs.copyFileSync(input.source, input.target);
    openAndMigrate(input.target).close(); // closing checkpoints the WAL into the file
    syncPath(input.target);
  } catch (error) {
    removeStore(input.target);
    throw error;
  }
  return { value: { good: true } };
});
