/** Reads and checks a plans file off the countdown's loop: the cost grows with the file. */
import { checkPlanFile } from '../services/plan-import';
import { answer } from './answer';

/** Checked rows per part: the loop reads each in a few milliseconds at most. */
const ROWS_PER_PART = 200;

answer((input: { format: 'csv' | 'json'; content: string }, progress) => {
  const file = checkPlanFile(input.format, input.content, progress);
  const parts: unknown[][] = [];
  for (let i = 0; i < file.valid.length; i += ROWS_PER_PART) parts.push(file.valid.slice(i, i + ROWS_PER_PART));
  return { value: { ...file, valid: [] }, parts };
});
