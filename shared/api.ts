/**
 * The one contract between the renderer and the main process. Every call is declared here once,
 * with zod schemas for its input and output; `createApi` implements it, and the IPC preload and
 * the HTTP host both carry it.
 */
import { z } from 'zod';
import {
  failureReason,
  id,
  outcome,
  person,
  personInput,
  plan,
  planInput,
  take,
  venue,
  venueInput,
} from './schemas';
import { NOTE_MAX, NAME_MAX, text } from './text';

const none = z.strictObject({}).optional();
const ok = z.object({ ok: z.literal(true) });

export const countdownSnapshot = z.object({
  phase: z.enum(['idle', 'standby', 'counting', 'paused', 'go', 'ended']),
  planId: z.number().nullable(),
  durationMs: z.number(),
  deadline: z.number().nullable(),
  remainingMs: z.number(),
  startedAt: z.number().nullable(),
  goAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  run: z.number(),
  warningMs: z.number(),
  dangerMs: z.number(),
  /** The take opened at GO for this run, once committed. */
  takeId: z.number().nullable(),
  rehearsal: z.boolean(),
  artist: z.string(),
  song: z.string(),
  message: z.string(),
  /** Host clock when the snapshot was taken, for clients estimating their offset. */
  hostNow: z.number(),
});
export type CountdownSnapshot = z.infer<typeof countdownSnapshot>;

export const countdownCommand = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('arm'), planId: id, rehearsal: z.boolean().default(false) }),
  z.strictObject({ type: z.literal('start') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('adjust'), deltaMs: z.number().int().min(-3_600_000).max(3_600_000) }),
  z.strictObject({ type: z.literal('restart') }),
  z.strictObject({ type: z.literal('goNow') }),
  z.strictObject({ type: z.literal('end') }),
  z.strictObject({ type: z.literal('reset') }),
]);

export const takeFilter = z
  .strictObject({
    planId: id.optional(),
    outcome: outcome.optional(),
    text: text(NAME_MAX).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ limit: 200 });

export const bootstrap = z.object({
  version: z.string(),
  empty: z.boolean(),
  crewName: z.string(),
  readOnly: z.boolean(),
  canControl: z.boolean(),
});

/** Declares one method: input and output schemas, and whether it changes data or the countdown. */
function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, mutates: boolean) {
  return { input, output, mutates };
}

export const methods = {
  getBootstrap: method(none, bootstrap, false),
  loadDemo: method(none, ok, true),
  updateSettings: method(z.strictObject({ crewName: text(NAME_MAX) }), ok, true),

  listPeople: method(none, z.array(person), false),
  createPerson: method(personInput, person, true),
  listVenues: method(none, z.array(venue), false),
  createVenue: method(venueInput, venue, true),

  listPlans: method(none, z.array(plan), false),
  getPlan: method(z.strictObject({ id }), plan, false),
  createPlan: method(planInput, plan, true),
  updatePlan: method(z.strictObject({ id, plan: planInput }), plan, true),

  getCountdown: method(none, countdownSnapshot, false),
  countdownCommand: method(countdownCommand, countdownSnapshot, true),
  setStageMessage: method(z.strictObject({ text: text(200) }), ok, true),

  listTakes: method(takeFilter, z.array(take), false),
  getTake: method(z.strictObject({ id }), take, false),
  setTakeOutcome: method(
    z.strictObject({
      id,
      outcome,
      failureReason: failureReason.nullable().optional(),
      note: text(NOTE_MAX).optional(),
    }),
    take,
    true,
  ),
  addTakeMark: method(
    z.strictObject({ takeId: id, atMs: z.number().int().min(0).max(86_400_000).optional(), note: text(NOTE_MAX) }),
    take,
    true,
  ),
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
  [M in MethodName]: (input: MethodParsedInput<M>, context: CallContext) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

/** What the renderer calls: one async function per method, taking raw input. */
export type ApiClient = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

export const events = {
  countdown: countdownSnapshot,
  dataChanged: z.object({ tables: z.array(z.enum(['plans', 'people', 'venues', 'takes', 'settings'])) }),
};
export type Events = { [E in keyof typeof events]: z.infer<(typeof events)[E]> };
export type EventName = keyof Events;

export type ErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'unauthorized' | 'read_only' | 'internal';
export interface ApiError {
  code: ErrorCode;
  message: string;
  field?: string;
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
  return path ? { code: 'invalid_input', message: `${path}: ${message}`, field: path } : { code: 'invalid_input', message };
}
