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

/** Every column of the review table sorts; 'note' sorts the notes-and-marks column by its note. */
export const TAKE_SORTS = ['goAt', 'number', 'artist', 'song', 'venue', 'outcome', 'duration', 'reason', 'note'] as const;
export type TakeSort = (typeof TAKE_SORTS)[number];
export const REHEARSAL_FILTERS = ['exclude', 'include', 'only'] as const;

/** Host epoch milliseconds, up to the year 9999 (anything later is a typo). */
const epochMs = z.number().int().min(0).max(253_402_300_799_999);

/** The review's filters: every one optional; dates are GO times in host epoch ms, [from, to). */
export const reviewFilter = z.strictObject({
  artistId: id.optional(),
  venueId: id.optional(),
  outcome: outcome.optional(),
  fromMs: epochMs.optional(),
  toMs: epochMs.optional(),
  /** Rehearsals stay out of take numbers and statistics unless asked for. */
  rehearsal: z.enum(REHEARSAL_FILTERS).default('exclude'),
  /** Found in a take's note, its marks, its song or its artist's names. */
  text: text(NAME_MAX).optional(),
});
export type ReviewFilter = z.input<typeof reviewFilter>;
export type ParsedReviewFilter = z.output<typeof reviewFilter>;

const sortFields = {
  sort: z.enum(TAKE_SORTS).default('goAt'),
  direction: z.enum(['asc', 'desc']).default('desc'),
};

export const PAGE_MAX = 500;
export const OFFSET_MAX = 10_000_000;

export const takeQuery = reviewFilter.extend({
  ...sortFields,
  offset: z.number().int().min(0).max(OFFSET_MAX).default(0),
  limit: z.number().int().min(1).max(PAGE_MAX).default(200),
});
export type TakeQuery = z.input<typeof takeQuery>;
export type ParsedTakeQuery = z.output<typeof takeQuery>;

/** A review row: the take with its marks, and how many real takes its performance has had. */
export const takeRow = take.extend({ attempts: z.number() });
export type TakeRow = z.infer<typeof takeRow>;

const rate = z.object({
  /** The artist or venue; null for performances planned without a venue. */
  id: z.number().nullable(),
  name: z.string(),
  performances: z.number(),
  firstTakeSuccesses: z.number(),
  rate: z.number().nullable(),
  /** Performances whose Take 1 has no outcome yet: not in `performances` nor the rate. */
  pending: z.number(),
});
export type SuccessRate = z.infer<typeof rate>;

/** How many artists and venues the summary lists (the most-performed first). */
export const SUMMARY_GROUPS = 12;

export const takeSummary = z.object({
  takes: z.number(),
  /** Performances whose Take 1 is among the filtered takes and has an outcome. */
  performances: z.number(),
  /** Performances whose Take 1 is still pending: neither a success nor a failure yet, so left out of the rate. */
  pendingPerformances: z.number(),
  firstTakeSuccesses: z.number(),
  /** Share of performances whose Take 1 succeeded; null when there are none. */
  firstTakeSuccessRate: z.number().nullable(),
  /** Performances that needed more than one take (their Take 2 is among the filtered takes). */
  multiTakePerformances: z.number(),
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

export const takeExport = reviewFilter.extend({
  format: exportFormat,
  ...sortFields,
  /** The crew's offset from UTC, so the CSV's times read as the wall clock on set. */
  utcOffsetMinutes: z.number().int().min(-840).max(840).default(0),
});

/**
 * What an outcome change wrote: the crew's save is answered with it, not with the take read back
 * (the take's names and marks are not on the commit's path; a screen keeps them from its own copy).
 */
export const outcomeSaved = take.pick({ id: true, number: true, outcome: true, failureReason: true, note: true, loggedBy: true });
export type OutcomeSaved = z.infer<typeof outcomeSaved>;

export const takeMethods = {
  listTakes: method(takeFilter, z.array(take), false),
  queryTakes: method(takeQuery, z.object({ total: z.number(), rows: z.array(takeRow) }), false),
  takeSummary: method(reviewFilter, takeSummary, false),
  getTake: method(z.strictObject({ id }), take, false),
  getTakeHistory: method(z.strictObject({ id }), z.array(outcomeChange), false),
  setTakeOutcome: method(
    z.strictObject({ id, outcome, failureReason: failureReason.nullable().optional(), note: text(NOTE_MAX).optional() }),
    outcomeSaved,
    true,
  ),
  addTakeMark: method(z.strictObject({ takeId: id, atMs: markTime.optional(), note: text(NOTE_MAX) }), take, true),
  updateTakeMark: method(
    z
      .strictObject({ id, atMs: markTime.optional(), note: text(NOTE_MAX).optional() })
      .refine((m) => m.atMs !== undefined || m.note !== undefined, { message: 'Give the mark a new time or note', path: ['note'] }),
    take,
    true,
  ),
  deleteTakeMark: method(z.strictObject({ id }), take, true),
  exportTakes: method(takeExport, fileExport, false),
} as const;
