import { z } from 'zod';
import { calendarDate, id, plan, planInput, planStatus } from '../schemas';
import { exportFormat, fileExport, method } from './method';

/** A plan as listed: archived plans (kept because they have takes) appear only when asked for. */
export const planEntry = plan.extend({ archived: z.boolean() });
export type PlanEntry = z.infer<typeof planEntry>;

/** What an import problem is, so the renderer can say it in the user's language. */
export const IMPORT_ERROR_CODES = [
  'empty_file',
  'bad_json',
  'not_array',
  'not_object',
  'missing_column',
  'unknown_column',
  'duplicate_column',
  'extra_cells',
  'quotes',
  'required',
  'too_long',
  'too_many',
  'date',
  'time',
  'duration',
  'countdown_range',
  'threshold_range',
  'danger_over_warning',
  'status',
  'run_order',
  'alt_count',
  'duplicate_person',
  'name_taken',
  'venue_name_taken',
  'invalid',
] as const;
export const importErrorCode = z.enum(IMPORT_ERROR_CODES);
export type ImportErrorCode = z.infer<typeof importErrorCode>;

/** One bad cell: line as a spreadsheet shows it (header = 1; JSON: the line its plan starts on). */
export const importError = z.object({ line: z.number(), column: z.string(), code: importErrorCode, message: z.string() });
export type ImportError = z.infer<typeof importError>;

export const importResult = z.object({
  /** Plans written (0 on a dry run, or when any row is invalid and onlyValid is false). */
  imported: z.number(),
  /** Rows that were valid. */
  valid: z.number(),
  /**
   * Valid rows left out because the same performance (artist, song and shoot date, compared as
   * names are) is already in the plans, archived ones included: importing a file twice adds nothing.
   */
  alreadyPlanned: z.number(),
  /** Rows read from the file (blank lines not counted). */
  rows: z.number(),
  errors: z.array(importError),
});
export type ImportResult = z.infer<typeof importResult>;

/** The portable form of a plan (JSON export): names instead of ids, so a file moves between databases. */
const portableName = z.object({ name: z.string(), nameAlt: z.string() });
export const portablePlan = z.object({
  artist: portableName,
  song: z.string(),
  songLengthMs: z.number().nullable(),
  venue: z.object({ name: z.string(), nameAlt: z.string(), address: z.string(), area: z.string(), notes: z.string() }).nullable(),
  shootDate: z.string().nullable(),
  callTime: z.string().nullable(),
  countdownMs: z.number(),
  warningMs: z.number(),
  dangerMs: z.number(),
  dancers: z.array(portableName),
  guests: z.array(portableName),
  notes: z.string(),
  status: planStatus,
  runOrder: z.number(),
});
export type PortablePlan = z.infer<typeof portablePlan>;

/** The CSV columns, in the order exported; lists are ' | '-separated, durations m:ss. */
export const PLAN_CSV_COLUMNS = [
  'artist',
  'artistAlt',
  'song',
  'songLength',
  'venue',
  'venueAlt',
  'venueAddress',
  'venueArea',
  'venueNotes',
  'shootDate',
  'callTime',
  'countdown',
  'warning',
  'danger',
  'dancers',
  'dancersAlt',
  'guests',
  'guestsAlt',
  'notes',
  'status',
  'runOrder',
] as const;
export type PlanCsvColumn = (typeof PLAN_CSV_COLUMNS)[number];

export const planMethods = {
  listPlans: method(z.strictObject({ includeArchived: z.boolean().optional() }).optional(), z.array(planEntry), false),
  getPlan: method(z.strictObject({ id }), planEntry, false),
  createPlan: method(planInput, planEntry, true),
  updatePlan: method(z.strictObject({ id, plan: planInput }), planEntry, true),
  /** Copies a plan as a draft, placed right after the original in the run order. */
  duplicatePlan: method(z.strictObject({ id }), planEntry, true),
  /** Deletes a plan without takes; a plan with takes is archived instead, never deleted. */
  deletePlan: method(z.strictObject({ id }), z.object({ deleted: z.boolean(), archived: z.boolean() }), true),
  /** Brings an archived plan back to the plan list, where it was in the run order; its takes never left. */
  restorePlan: method(z.strictObject({ id }), planEntry, true),
  /** Sets the run order: the given plans in this order, before all others. Returns listPlans. */
  reorderPlans: method(z.strictObject({ ids: z.array(id).min(1).max(10_000) }), z.array(planEntry), true),
  exportPlans: method(z.strictObject({ format: exportFormat, shootDate: calendarDate.optional() }), fileExport, false),
  /** Checks every row first; with any invalid row nothing is imported unless onlyValid is set. */
  importPlans: method(
    z.strictObject({
      format: exportFormat,
      content: z.string().max(10_000_000, 'The file is larger than 10 MB'),
      onlyValid: z.boolean().default(false),
      dryRun: z.boolean().default(false),
    }),
    importResult,
    true,
  ),
} as const;
