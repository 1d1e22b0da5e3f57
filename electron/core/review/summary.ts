import type { SuccessRate, TakeSummary } from '../../../shared/contract/takes';
import { SUMMARY_GROUPS } from '../../../shared/contract/takes';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import type { TakeColumns } from './columns';
import { NO_VENUE } from './columns';
import type { Matches } from './filter';

const SUCCEEDED = OUTCOMES.indexOf('succeeded');
const FAILED = OUTCOMES.indexOf('failed');
const PENDING = OUTCOMES.indexOf('pending');

const rateOf = (successes: number, performances: number) => (performances === 0 ? null : successes / performances);

const bump = (counts: Map<number, number>, id: number) => counts.set(id, (counts.get(id) ?? 0) + 1);

/** Per artist or venue: performances (Take 1s with an outcome), how many of those succeeded, and how many are pending. */
class Groups {
  private readonly performances = new Map<number, number>();
  private readonly successes = new Map<number, number>();
  private readonly pending = new Map<number, number>();

  add(id: number, outcome: number): void {
    if (!this.performances.has(id)) this.performances.set(id, 0);
    if (outcome === PENDING) bump(this.pending, id);
    else bump(this.performances, id);
    if (outcome === SUCCEEDED) bump(this.successes, id);
  }

  /** The most-performed first (pending ones counted); equal counts in roster order (by id). */
  top(nameOf: (id: number) => string): SuccessRate[] {
    const all = (id: number, performances: number) => performances + (this.pending.get(id) ?? 0);
    return [...this.performances]
      .sort((a, b) => all(b[0], b[1]) - all(a[0], a[1]) || a[0] - b[0])
      .slice(0, SUMMARY_GROUPS)
      .map(([id, performances]) => {
        const successes = this.successes.get(id) ?? 0;
        return {
          id: id === NO_VENUE ? null : id,
          name: id === NO_VENUE ? '' : nameOf(id),
          performances,
          firstTakeSuccesses: successes,
          rate: rateOf(successes, performances),
          pending: this.pending.get(id) ?? 0,
        };
      });
  }
}

/**
 * One pass over the filtered takes. A performance counts once, through its Take 1 (only real takes
 * have numbers, so rehearsals never count); it needed more than one take when its Take 2 is there.
 */
export function summarise(c: TakeColumns, { mask, count }: Matches, names: { person(id: number): string; venue(id: number): string }): TakeSummary {
  const outcomes = new Float64Array(OUTCOMES.length);
  const reasons = new Float64Array(FAILURE_REASONS.length + 1);
  const artists = new Groups();
  const venues = new Groups();
  let lengthMs = 0;
  let ended = 0;
  let performances = 0;
  let pending = 0;
  let successes = 0;
  let multiTake = 0;
  for (let row = 0; row < c.size; row++) {
    if (mask[row] === 0) continue;
    const outcome = c.outcome[row]!;
    outcomes[outcome]!++;
    if (outcome === FAILED) reasons[c.reason[row]!]!++;
    const endedAt = c.endedAt[row]!;
    if (!Number.isNaN(endedAt)) {
      lengthMs += endedAt - c.goAt[row]!;
      ended++;
    }
    const number = c.number[row];
    if (number === 1) {
      // A Take 1 still pending is neither a success nor a failure yet: it waits outside the rate.
      if (outcome === PENDING) pending++;
      else performances++;
      if (outcome === SUCCEEDED) successes++;
      artists.add(c.artist[row]!, outcome);
      venues.add(c.venue[row]!, outcome);
    } else if (number === 2) multiTake++;
  }
  return {
    takes: count,
    performances,
    pendingPerformances: pending,
    firstTakeSuccesses: successes,
    firstTakeSuccessRate: rateOf(successes, performances),
    multiTakePerformances: multiTake,
    byArtist: artists.top(names.person),
    byVenue: venues.top(names.venue),
    averageTakeMs: ended === 0 ? null : lengthMs / ended,
    failureReasons: FAILURE_REASONS.map((reason, i) => ({ reason, count: reasons[i + 1]! })),
    outcomes: OUTCOMES.map((outcome, i) => ({ outcome, count: outcomes[i]! })),
  };
}
