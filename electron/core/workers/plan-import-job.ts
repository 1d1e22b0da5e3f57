import type { z } from 'zod';
import type { planMethods } from '../../../shared/contract/plans';
import type { CheckedFile } from '../services/plan-import';

export type ImportInput = z.output<typeof planMethods.importPlans.input>;

/** What the import worker is given: the parsed request, or the raw body it parses itself. */
export type ImportJob = { input: ImportInput } | { body: Uint8Array };

/** What it answers before handing over the valid rows in parts: the rest of the checked file, and the request's choices. */
export type CheckedSummary = Omit<CheckedFile, 'valid'> & { validCount: number; onlyValid: boolean; dryRun: boolean };
