/**
 * Reads and checks a plans file off the countdown's loop: the cost grows with the file. A dry
 * run is finished here too, its rows tried on a copy of the store, so it never writes on the loop.
 */
import { planMethods } from '../../../shared/contract/plans';
import { describeZodError } from '../../../shared/api';
import { checkPlanFile, type CheckedFile } from '../services/plan-import';
import { ImportPass, unreadableFile } from '../services/plan-import-pass';
import { openCopyInMemory } from '../db/open';
import { CuelightError } from '../errors';
import { NOT_JSON, UnreadJson } from '../unread-json';
import { answer } from './answer';
import type { ImportAnswer, ImportJob, ImportInput } from './plan-import-job';

/** Checked rows per part: the loop reads each in a few milliseconds at most. */
const ROWS_PER_PART = 200;
/** Rows tried between two progress reports. */
const TRY_PROGRESS_EVERY = 2_000;

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

/** Writes the checked rows into a copy of the store, with the writer's own rules, and throws the copy away. */
function tryOnCopy(store: string, file: CheckedFile, now: number, progress: (tried: number) => void) {
  const db = openCopyInMemory(store);
  try {
    db.exec('BEGIN');
    const pass = new ImportPass(db, file, now);
    while (pass.prepare());
    file.valid.forEach((plan, i) => {
      pass.row(plan);
      if ((i + 1) % TRY_PROGRESS_EVERY === 0) progress(i + 1);
    });
    return pass.result(false);
  } finally {
    db.close();
  }
}

answer<ImportJob, ImportAnswer>((job, progress) => {
  const input = 'body' in job ? readRequest(job.body) : job.input;
  if (input.dryRun) {
    // Both halves are checking, each half of the bar: against the file's rules, then the store's.
    const file = checkPlanFile(input.format, input.content, (done, total) => progress(Math.floor(done / 2), total));
    if (file.fatal) return { value: { dryRun: unreadableFile(file) } };
    const half = Math.floor(file.rows / 2);
    const result = tryOnCopy(job.store, file, job.now, (tried) => progress(half + Math.floor((tried / file.valid.length) * (file.rows - half)), file.rows));
    return { value: { dryRun: result } };
  }
  const file = checkPlanFile(input.format, input.content, progress);
  const parts: unknown[][] = [];
  for (let i = 0; i < file.valid.length; i += ROWS_PER_PART) parts.push(file.valid.slice(i, i + ROWS_PER_PART));
  const { valid, ...rest } = file;
  return { value: { checked: { ...rest, validCount: valid.length, onlyValid: input.onlyValid } }, parts };
});
