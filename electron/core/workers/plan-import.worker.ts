/** Reads and checks a plans file off the countdown's loop: the cost grows with the file. */
import { planMethods } from '../../../shared/contract/plans';
import { describeZodError } from '../../../shared/api';
import { checkPlanFile } from '../services/plan-import';
import { CuelightError } from '../errors';
import { NOT_JSON, UnreadJson } from '../unread-json';
import { answer } from './answer';
import type { ImportJob, ImportInput } from './plan-import-job';

/** Checked rows per part: the loop reads each in a few milliseconds at most. */
const ROWS_PER_PART = 200;

/** The request as sent over HTTP: parsed and checked against the contract here, not on the loop. */
function readRequest(body: Uint8Array): ImportInput {
  let raw: unknown;
  try {
    raw = new UnreadJson(body).parse();
  } catch {
    throw new CuelightError('invalid_input', NOT_JSON);
  }
  const parsed = planMethods.importPlans.input.safeParse(raw);
  if (!parsed.success) {
    const error = describeZodError(parsed.error);
    throw new CuelightError(error.code, error.message, error.field);
  }
  return parsed.data;
}

answer((job: ImportJob, progress) => {
  const input = 'body' in job ? readRequest(job.body) : job.input;
  const file = checkPlanFile(input.format, input.content, progress);
  const parts: unknown[][] = [];
  for (let i = 0; i < file.valid.length; i += ROWS_PER_PART) parts.push(file.valid.slice(i, i + ROWS_PER_PART));
  const { valid, ...rest } = file;
  return { value: { ...rest, validCount: valid.length, onlyValid: input.onlyValid, dryRun: input.dryRun }, parts };
});
