import { z } from 'zod';
import { failureReason, id, outcome, take } from '../schemas';
import { NAME_MAX, NOTE_MAX, text } from '../text';
import { exportFormat, fileExport, method } from './method';

export const takeFilter = z
  .strictObject({
    planId: id.optional(),
    outcome: outcome.optional(),
    text: text(NAME_MAX).optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .default({ limit: 200 });

export const TAKE_SORTS = ['goAt', 'number', 'artist', 'song', 'venue', 'outcome', 'duration', 'reason'] as const;

/** The review's filters: every one optional; dates are GO times in host epoch ms, [from, to). */
export const reviewFilter = z.strictObject({
  artistId: id.optional(),
  venueId: id.optional(),
  outcome: outcome.optional(),
  fromMs: z.number().int().min(0).optional(),
  toMs: z.number().int().min(0).optional(),
  rehearsal: z.enum(['exclude', 'include', 'only']).default('exclude'),
  text: text(NAME_MAX).optional(),
});
export type ReviewFilter = z.input<typeof reviewFilter>;

export const takeQuery = reviewFilter.extend({
  sort: z.enum(TAKE_SORTS).default('goAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type TakeQuery = z.input<typeof takeQuery>;

/** A review row: the take without its marks (the detail view loads those), plus how many there are. */
export const takeRow = take.omit({ marks: true }).extend({ markCount: z.number() });
export type TakeRow = z.infer<typeof takeRow>;

const rate = z.object({ name: z.string(), performances: z.number(), firstTakeSuccesses: z.number(), rate: z.number().nullable() });

export const takeSummary = z.object({
  takes: z.number(),
  performances: z.number(),
  /** Share of performances whose Take 1 succeeded; null when there are none. */
  firstTakeSuccessRate: z.number().nullable(),
  byArtist: z.array(rate),
  byVenue: z.array(rate),
  averageTakeMs: z.number().nullable(),
  failureReasons: z.array(z.object({ reason: failureReason, count: z.number() })),
  outcomes: z.array(z.object({ outcome, count: z.number() })),
});
export type TakeSummary = z.infer<typeof takeSummary>;

export const outcomeChange = z.object({
  changedAt: z.number(),
  changedBy: z.string(),
  beforeOutcome: outcome,
  afterOutcome: outcome,
  beforeReason: failureReason.nullable(),
  afterReason: failureReason.nullable(),
});
export type OutcomeChange = z.infer<typeof outcomeChange>;

const markTime = z.number().int().min(0).max(86_400_000);

export const takeMethods = {
  listTakes: method(takeFilter, z.array(take), false),
  queryTakes: method(takeQuery, z.object({ total: z.number(), rows: z.array(takeRow) }), false),
  takeSummary: method(reviewFilter, takeSummary, false),
  getTake: method(z.strictObject({ id }), take, false),
  getTakeHistory: method(z.strictObject({ id }), z.array(outcomeChange), false),
  setTakeOutcome: method(
    z.strictObject({ id, outcome, failureReason: failureReason.nullable().optional(), note: text(NOTE_MAX).optional() }),
    take,
    true,
  ),
  addTakeMark: method(z.strictObject({ takeId: id, atMs: markTime.optional(), note: text(NOTE_MAX) }), take, true),
  updateTakeMark: method(z.strictObject({ id, atMs: markTime.optional(), note: text(NOTE_MAX).optional() }), take, true),
  deleteTakeMark: method(z.strictObject({ id }), take, true),
  exportTakes: method(reviewFilter.extend({ format: exportFormat }), fileExport, false),
} as const;
