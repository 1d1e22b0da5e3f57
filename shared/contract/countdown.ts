import { z } from 'zod';
import { id } from '../schemas';
import { text } from '../text';
import { method, none, ok } from './method';

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
  /** Why the take opened at GO is not on disk yet (disk full, I/O error); null once it is saved. */
  saveFailure: z.string().nullable(),
  /** Host clock when the snapshot was taken, for clients estimating their offset. */
  hostNow: z.number(),
  /** This host run's id and the state's version in it: a screen keeps the newest snapshot whatever order replies and events arrive in. */
  boot: z.string(),
  version: z.number(),
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

export const countdownMethods = {
  getCountdown: method(none, countdownSnapshot, false),
  countdownCommand: method(countdownCommand, countdownSnapshot, true),
  setStageMessage: method(z.strictObject({ text: text(200) }), ok, true),
} as const;
