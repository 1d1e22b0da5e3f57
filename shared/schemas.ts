import { z } from 'zod';
import { NAME_MAX, NOTE_MAX, refused, requiredText, text } from './text';

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const ROLES = ['artist', 'dancer', 'guest'] as const;
export const role = z.enum(ROLES);
export type Role = z.infer<typeof role>;

export const PLAN_STATUSES = ['draft', 'ready', 'shot'] as const;
export const planStatus = z.enum(PLAN_STATUSES);

export const OUTCOMES = ['pending', 'succeeded', 'failed', 'aborted', 'interrupted'] as const;
export const outcome = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof outcome>;

export const FAILURE_REASONS = ['vocal', 'choreography', 'camera', 'sound', 'lighting', 'interruption', 'other'] as const;
export const failureReason = z.enum(FAILURE_REASONS);
export type FailureReason = z.infer<typeof failureReason>;

/** Countdown lengths: at least 5 seconds, at most 4 hours (anything longer is a typo). */
export const COUNTDOWN_MIN_MS = 5_000;
export const COUNTDOWN_MAX_MS = 4 * 3_600_000;
export const countdownMs = z
  .number()
  .int('Must be whole milliseconds')
  .min(COUNTDOWN_MIN_MS, 'Countdown must be at least 5 seconds')
  .max(COUNTDOWN_MAX_MS, 'Countdown must be at most 4 hours');
export const thresholdMs = z.number().int().min(0).max(COUNTDOWN_MAX_MS);

export const person = z.object({
  id,
  name: z.string(),
  nameAlt: z.string(),
  roles: z.array(role),
  contact: z.string(),
});
export type Person = z.infer<typeof person>;

export const personInput = z.strictObject({
  name: requiredText(NAME_MAX),
  nameAlt: text(NAME_MAX).optional(),
  roles: z.array(role).max(3).default([]),
  contact: text(NOTE_MAX).optional(),
});

export const venue = z.object({
  id,
  name: z.string(),
  /** The name in the other script (Hangul or Latin); '' when none is given. */
  nameAlt: z.string(),
  address: z.string(),
  area: z.string(),
  notes: z.string(),
});
export type Venue = z.infer<typeof venue>;

export const venueInput = z.strictObject({
  name: requiredText(NAME_MAX),
  nameAlt: text(NAME_MAX).optional(),
  address: text(NOTE_MAX).optional(),
  area: text(NAME_MAX).optional(),
  notes: text(NOTE_MAX).optional(),
});

/** Pick an existing roster entry by id, or name one: an unknown name is added to the roster. */
export const ref = z.union([z.strictObject({ id }), z.strictObject({ name: requiredText(NAME_MAX) })]);
export type Ref = z.infer<typeof ref>;

/** A day on the calendar, year-month-day: the shape first, then that the day exists (no 30 February). */
export const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Use a date like 2026-11-26', abort: true })
  .refine((s) => z.iso.date().safeParse(s).success, refused('err.date.impossible'))
  .meta({ format: 'date' });
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a time like 14:30');

export const planInput = z.strictObject({
  artist: ref,
  song: requiredText(NAME_MAX),
  songLengthMs: z.number().int().min(0).max(COUNTDOWN_MAX_MS).optional(),
  venue: ref.optional(),
  shootDate: calendarDate.optional(),
  callTime: time.optional(),
  countdownMs: countdownMs.default(60_000),
  warningMs: thresholdMs.default(60_000),
  dangerMs: thresholdMs.default(10_000),
  dancers: z.array(ref).max(100).default([]),
  guests: z.array(ref).max(100).default([]),
  notes: text(NOTE_MAX).optional(),
  status: planStatus.optional(),
});
export type PlanInput = z.input<typeof planInput>;

export const member = z.object({ personId: id, name: z.string(), nameAlt: z.string() });

export const plan = z.object({
  id,
  artist: member,
  song: z.string(),
  songLengthMs: z.number().nullable(),
  venue: venue.nullable(),
  shootDate: z.string().nullable(),
  callTime: z.string().nullable(),
  countdownMs: z.number(),
  warningMs: z.number(),
  dangerMs: z.number(),
  dancers: z.array(member),
  guests: z.array(member),
  notes: z.string(),
  status: planStatus,
  runOrder: z.number(),
  takeCount: z.number(),
});
export type Plan = z.infer<typeof plan>;

export const mark = z.object({ id, takeId: id, atMs: z.number(), note: z.string() });
export type Mark = z.infer<typeof mark>;

export const take = z.object({
  id,
  planId: id,
  number: z.number().nullable(),
  rehearsal: z.boolean(),
  artist: z.string(),
  song: z.string(),
  venue: z.string(),
  countdownStartedAt: z.number().nullable(),
  goAt: z.number(),
  endedAt: z.number().nullable(),
  outcome,
  failureReason: failureReason.nullable(),
  note: z.string(),
  loggedBy: z.string(),
  recovered: z.boolean(),
  marks: z.array(mark),
});
export type Take = z.infer<typeof take>;
