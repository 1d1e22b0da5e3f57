import type { z } from 'zod';
import type { ImportResult, planMethods } from '../../../shared/contract/plans';
import type { CheckedFile } from '../services/plan-import';

export type ImportInput = z.output<typeof planMethods.importPlans.input>;

/**
 * What the import worker is given: the parsed request, or the raw body it parses itself; and
 * for a dry run, the store to try the rows on (a copy of it) and the time to date them.
 */
export type ImportJob = ({ input: ImportInput } | { body: Uint8Array }) & { store: string; now: number };

/** What it answers before handing over the valid rows in parts: the rest of the checked file, and the request's choices. */
export type CheckedSummary = Omit<CheckedFile, 'valid'> & { validCount: number; onlyValid: boolean };

/** A real import's rows come back checked, to be written on the store's loop; a dry run's answer is final. */
export type ImportAnswer = { checked: CheckedSummary } | { dryRun: ImportResult };
