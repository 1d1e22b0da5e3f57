/**
 * The one contract between the renderer and the main process. Every call is declared here once,
 * with zod schemas for its input and output; `createApi` implements it, and the IPC preload and
 * the HTTP host both carry it.
 */
import { z } from 'zod';
import { settingsMethods } from './contract/settings';
import { rosterMethods } from './contract/roster';
import { planMethods } from './contract/plans';
import { countdownMethods, countdownSnapshot } from './contract/countdown';
import { takeMethods } from './contract/takes';
import { triggerMethods, triggerResult } from './contract/triggers';
import { networkMethods, networkEvents } from './contract/network';
import { readinessMethods, readinessEvents } from './contract/readiness';
import { oscControlMethods } from './contract/osc-control';
import type { SerialisedAnswer } from './serialised-answer';

export { countdownSnapshot, countdownCommand, type CountdownSnapshot } from './contract/countdown';
export { bootstrap } from './contract/settings';
export { takeFilter } from './contract/takes';
export type { PlanInput } from './schemas';

/** The methods whose answer may come already written as JSON off the loop (big exports). */
export type SerialisedMethod = 'exportPlans' | 'exportTakes';

/** Every method, by area; each area's file declares its methods' schemas. */
export const methods = {
  ...settingsMethods,
  ...rosterMethods,
  ...planMethods,
  ...countdownMethods,
  ...takeMethods,
  ...triggerMethods,
  ...networkMethods,
  ...readinessMethods,
  ...oscControlMethods,
} as const;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.infer<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

/** Who is calling: a view-only display (no control token) may read, not change. */
export interface CallContext {
  canControl: boolean;
}

/** What the main process implements: one function per method, taking parsed input. */
export type ApiImplementation = {
  [M in MethodName]: (input: MethodParsedInput<M>, context: CallContext) => ImplementedOutput<M> | Promise<ImplementedOutput<M>>;
};

/** What the implementation answers: the value, or for a big export its JSON bytes. */
export type ImplementedOutput<M extends MethodName> = M extends SerialisedMethod ? MethodOutput<M> | SerialisedAnswer<MethodOutput<M>> : MethodOutput<M>;

/** What the renderer calls: one async function per method, taking raw input. */
export type ApiClient = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

/** The tables a `dataChanged` event can name: what a screen may need to read again. */
export const CHANGE_TABLES = ['plans', 'people', 'venues', 'takes', 'settings'] as const;

export const events = {
  countdown: countdownSnapshot,
  dataChanged: z.object({ tables: z.array(z.enum(CHANGE_TABLES)) }),
  /** How far a long job (an import, an export) has got, so a screen can show it is moving. */
  progress: z.object({
    job: z.enum(['importPlans', 'exportPlans']),
    /** `waiting`: an import held until the countdown stops counting (GO, a pause, an end). */
    step: z.enum(['checking', 'waiting', 'writing', 'exporting']),
    done: z.number(),
    total: z.number(),
  }),
  /** Each trigger's result as soon as it is known, so the operator hears of a failure at once. */
  triggerResult,
  ...networkEvents,
  ...readinessEvents,
};
export type Events = { [E in keyof typeof events]: z.infer<(typeof events)[E]> };
export type EventName = keyof Events;

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unauthorized' | 'read_only' | 'internal';
export interface ApiError {
  code: ErrorCode;
  /** In English: for logs and API clients. */
  message: string;
  field?: string;
  /** The message's key in the catalogue (shared/i18n/areas/errors.ts), so a screen words it in its own language. */
  key?: string;
  params?: Record<string, string | number>;
}
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** Turns a zod failure into an error that names the field a person must fix. */
export function describeZodError(error: z.ZodError): ApiError {
  const issue = error.issues[0];
  if (!issue) return { code: 'invalid_input', message: 'Invalid input' };
  const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
  const path = [...issue.path, ...keys.slice(0, 1)].map(String).join('.');
  const message =
    issue.code === 'unrecognized_keys' ? `Unknown field "${keys.join('", "')}"` : issue.message;
  // A refinement worded from the catalogue carries its key, so a screen can word it in its language.
  const key = issue.code === 'custom' && typeof issue.params?.key === 'string' ? { key: issue.params.key, params: {} } : {};
  return path ? { code: 'invalid_input', message: `${path}: ${message}`, field: path, ...key } : { code: 'invalid_input', message, ...key };
}
