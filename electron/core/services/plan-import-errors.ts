import type { z } from 'zod';
import type { ImportError, ImportErrorCode } from '../../../shared/contract/plans';
import { PLAN_CSV_COLUMNS } from '../../../shared/contract/plans';

/** A path in createPlan's input (artist.name, dancers.2.name…) or in the file's extras (artistAlt, dancersAlt.1, venue.area, runOrder). */
export type InputPath = (string | number)[];

/** One plan as read from a file, not yet checked: createPlan's raw input plus what else the file says. */
export interface ImportRow {
  line: number;
  input: Record<string, unknown>;
  extras: Record<string, unknown>;
  /** Problems found while reading (an unreadable duration, say); the row is invalid when any. */
  errors: ImportError[];
  /** Set when the row's shape is wrong: its input means nothing, so only `errors` are reported. */
  unreadable?: true;
  /** Where a path is in the file, as the person fixing it would look for it. */
  column: (path: InputPath) => string;
}

export interface ReadResult {
  rows: ImportRow[];
  /** Problems with the file as a whole (no header, not JSON): nothing in it can be imported. */
  fatal: ImportError[];
}

/** Each problem says what to do next; the renderer shows its own wording for the code. */
const MESSAGES: Record<ImportErrorCode, string> = {
  empty_file: 'The file has no plans in it; export plans from Cuelight to see the format',
  bad_json: 'This is not valid JSON; check for a missing comma, quote or bracket near here',
  not_array: 'The file must be a list of plans ([ … ]), as Cuelight exports them',
  not_object: 'Each plan must be an object ({ … }), as Cuelight exports them',
  missing_column: 'Add this column to the header line',
  unknown_column: `Unknown column; rename it to one of: ${PLAN_CSV_COLUMNS.join(', ')}`,
  duplicate_column: 'This column appears twice in the header; keep one',
  extra_cells: 'This line has more cells than the header; check for a stray comma or an unquoted value',
  quotes: 'A quoted cell is not closed; add the missing " (double quote)',
  required: 'This is empty; fill it in',
  too_long: 'Too long; shorten it',
  too_many: 'Too many names; list at most 100',
  date: 'Use a date like 2026-11-26',
  time: 'Use a 24-hour time like 14:30',
  duration: 'Use minutes and seconds, like 1:30',
  countdown_range: 'The countdown must be from 0:05 to 240:00',
  threshold_range: 'Use a time from 0:00 to 240:00',
  danger_over_warning: 'The danger time must not be longer than the warning time',
  status: 'Use draft, ready or shot',
  run_order: 'Use a whole number from 1 up',
  alt_count: 'Give one other-script name per name in the list, in the same order, or leave it empty',
  duplicate_person: 'This person is listed twice; remove one',
  name_taken: 'This other-script name already belongs to someone else on the roster; fix or remove it',
  venue_name_taken: 'Another venue already has this name; use that venue, or fix or remove the name',
  invalid: 'This value cannot be used',
};

export function importError(line: number, column: string, code: ImportErrorCode, detail?: string): ImportError {
  return { line, column, code, message: detail ? `${MESSAGES[code]} (${detail})` : MESSAGES[code] };
}

const DURATIONS = new Set(['songLengthMs', 'countdownMs', 'warningMs', 'dangerMs']);

/** A union that failed ({id} | {name}): the branch that was meant is the one without unknown keys. */
function unwrapUnion(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
  const meant = issue.errors.find((branch) => !branch.some((i) => i.code === 'unrecognized_keys')) ?? issue.errors[0]!;
  return meant.flatMap((i) => unwrapUnion({ ...i, path: [...issue.path, ...i.path] } as z.core.$ZodIssue));
}

function codeOf(issue: z.core.$ZodIssue, field: string): ImportErrorCode {
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'required';
  if (issue.code === 'invalid_value' && field === 'status') return 'status';
  if (field === 'shootDate') return 'date';
  if (issue.code === 'invalid_format') return field === 'callTime' ? 'time' : 'invalid';
  if (field === 'runOrder') return 'run_order';
  if (issue.code === 'too_small' || issue.code === 'too_big') {
    if (issue.origin === 'string') return issue.code === 'too_small' ? 'required' : 'too_long';
    if (issue.origin === 'array') return 'too_many';
    if (field === 'countdownMs') return 'countdown_range';
    if (DURATIONS.has(field)) return field === 'songLengthMs' ? 'duration' : 'threshold_range';
  }
  return 'invalid';
}

/** Turns a zod failure of one row into errors naming the row's line and the cell to fix. */
export function rowErrors(row: ImportRow, error: z.ZodError, prefix: InputPath = []): ImportError[] {
  return error.issues.flatMap(unwrapUnion).map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
    const code = codeOf(issue, String(path[0] ?? ''));
    const detail = code === 'too_long' && issue.code === 'too_big' ? `at most ${String(issue.maximum)} characters` : code === 'invalid' ? issue.message : undefined;
    return importError(row.line, row.column([...path, ...keys.slice(0, 1)]), code, keys.length ? `unknown field "${keys.join('", "')}"` : detail);
  });
}

/** A database-side refusal (a name listed twice…) as an error on the row's cell. */
export function refusalError(row: ImportRow, field: string, message: string): ImportError {
  const path: InputPath = field.split('.').filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  const [head, index, tail] = path;
  if (tail === 'nameAlt' || (head === 'artist' && index === 'nameAlt')) {
    const altPath: InputPath = head === 'artist' ? ['artistAlt'] : [`${String(head)}Alt`, index!];
    return importError(row.line, row.column(altPath), 'name_taken', message.replace(/^[\w.]+: /, ''));
  }
  if (head === 'venue' && index === 'nameAlt') return importError(row.line, row.column(['venueDetails', 'nameAlt']), 'venue_name_taken');
  if (head === 'dangerMs') return importError(row.line, row.column(path), 'danger_over_warning');
  if (head === 'dancers' || head === 'guests') return importError(row.line, row.column(path), 'duplicate_person');
  return importError(row.line, row.column(path), 'invalid', message);
}
