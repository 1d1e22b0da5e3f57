import type { ErrorCode } from '../../../shared/api';
import type { Ids } from '../contract-fixture';

export interface BadCase {
  why: string;
  input: (ids: Ids) => unknown;
  field: string | undefined;
  code: ErrorCode;
}

export const bad = (why: string, input: (ids: Ids) => unknown, field: string | undefined, code: ErrorCode = 'invalid_input'): BadCase => ({
  why,
  input,
  field,
  code,
});

export const long = (max: number) => 'x'.repeat(max + 1);
export const TEN_HOURS = 10 * 3_600_000;
export const planOf = (ids: Ids, extra: Record<string, unknown> = {}) => ({ artist: { id: ids.artistId }, song: 'Encore', ...extra });

/** One area's table: refusals per method, and one accepted input per method. */
export interface AreaCases<M extends string> {
  bad: Record<M, BadCase[]>;
  valid: Record<M, (ids: Ids) => unknown>;
}
