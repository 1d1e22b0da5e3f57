import { z } from 'zod';
import { id, plan, planInput } from '../schemas';
import { date, exportFormat, fileExport, method } from './method';

export const importError = z.object({ line: z.number(), column: z.string(), message: z.string() });
export type ImportError = z.infer<typeof importError>;

export const importResult = z.object({
  /** Plans written (0 on a dry run, or when any row is invalid and onlyValid is false). */
  imported: z.number(),
  /** Rows that were valid. */
  valid: z.number(),
  errors: z.array(importError),
});
export type ImportResult = z.infer<typeof importResult>;

export const planMethods = {
  listPlans: method(z.strictObject({ includeArchived: z.boolean().optional() }).optional(), z.array(plan), false),
  getPlan: method(z.strictObject({ id }), plan, false),
  createPlan: method(planInput, plan, true),
  updatePlan: method(z.strictObject({ id, plan: planInput }), plan, true),
  duplicatePlan: method(z.strictObject({ id }), plan, true),
  /** Deletes a plan without takes; a plan with takes is archived instead, never deleted. */
  deletePlan: method(z.strictObject({ id }), z.object({ deleted: z.boolean(), archived: z.boolean() }), true),
  /** Sets the run order: the given plans in this order, before all others. */
  reorderPlans: method(z.strictObject({ ids: z.array(id).min(1).max(10_000) }), z.array(plan), true),
  exportPlans: method(z.strictObject({ format: exportFormat, shootDate: date.optional() }), fileExport, false),
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
