/** Reads and checks a plans file off the countdown's loop: the cost grows with the file. */
import { checkPlanFile } from '../services/plan-import';
import { answer } from './answer';

answer((input: { format: 'csv' | 'json'; content: string }, progress) => checkPlanFile(input.format, input.content, progress));
