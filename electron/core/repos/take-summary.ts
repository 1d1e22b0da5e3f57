import type { Db } from '../db/open';
import type { ParsedReviewFilter, SuccessRate, TakeSummary } from '../../../shared/contract/takes';
import { SUMMARY_GROUPS } from '../../../shared/contract/takes';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import type { FailureReason, Outcome } from '../../../shared/schemas';
import { prepared, whereOf, whereSql } from './take-review';

interface Group {
  id: number | null;
  performances: number;
  successes: number;
}

const rateOf = (successes: number, performances: number) => (performances === 0 ? null : successes / performances);

/** The most-performed groups first (ties by id, so the order is stable), with their names. */
function topGroups(db: Db, groups: Map<number | null, Group>, table: 'people' | 'venues'): SuccessRate[] {
  const top = [...groups.values()]
    .sort((a, b) => b.performances - a.performances || (a.id ?? 0) - (b.id ?? 0))
    .slice(0, SUMMARY_GROUPS);
  const list = JSON.stringify(top.flatMap((g) => (g.id === null ? [] : [g.id])));
  const names = new Map(
    prepared(db, `SELECT id, name FROM ${table} WHERE id IN (SELECT value FROM json_each(@list))`).raw().all({ list }) as [number, string][],
  );
  return top.map((g) => ({
    id: g.id,
    name: g.id === null ? '' : (names.get(g.id) ?? ''),
    performances: g.performances,
    firstTakeSuccesses: g.successes,
    rate: rateOf(g.successes, g.performances),
  }));
}

function add(groups: Map<number | null, Group>, id: number | null, performances: number, successes: number): void {
  const group = groups.get(id);
  if (group) {
    group.performances += performances;
    group.successes += successes;
  } else groups.set(id, { id, performances, successes });
}

/**
 * Three reads: outcomes and reasons with lengths (one grouped pass over an index that holds them),
 * every Take 1 with its artist and venue (grouped here: cheaper than SQL's temp b-tree for 10,000),
 * and a count of Take 2s (performances that needed more than one).
 */
export function summarise(db: Db, filter: ParsedReviewFilter): TakeSummary {
  // GO-time ranges are read inside the summary index rather than looked up through takes_by_go.
  const scan = whereOf(filter, { unindexed: ['t.go_at'] });
  const byOutcome = prepared(
    db,
    `SELECT t.outcome, t.failure_reason, count(*), total(t.ended_at - t.go_at), count(t.ended_at)
     FROM takes t ${whereSql(scan)} GROUP BY t.outcome, t.failure_reason`,
  )
    .raw()
    .all(scan.params) as [Outcome, FailureReason | null, number, number, number][];

  const outcomes = new Map<Outcome, number>();
  const reasons = new Map<FailureReason, number>();
  let takes = 0;
  let lengthMs = 0;
  let ended = 0;
  for (const [outcome, reason, count, ms, endedCount] of byOutcome) {
    takes += count;
    lengthMs += ms;
    ended += endedCount;
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + count);
    if (outcome === 'failed' && reason) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
  }

  // Take numbers belong to real takes only, so these need no rehearsal term; outcome is checked
  // per row, keeping the lookup on takes_by_number (which holds it) rather than the outcome index.
  const numbered = whereOf(filter, { unindexed: ['t.outcome'], rehearsal: false });
  const firsts =
    filter.rehearsal === 'only'
      ? []
      : (prepared(db, `SELECT p.artist_id, p.venue_id, t.outcome = 'succeeded' FROM takes t JOIN plans p ON p.id = t.plan_id ${whereSql(numbered, 't.number = 1')}`)
          .raw()
          .all(numbered.params) as [number, number | null, number][]);
  const artists = new Map<number | null, Group>();
  const venues = new Map<number | null, Group>();
  let successes = 0;
  for (const [artistId, venueId, ok] of firsts) {
    successes += ok;
    add(artists, artistId, 1, ok);
    add(venues, venueId, 1, ok);
  }
  const performances = firsts.length;
  const multiTake =
    filter.rehearsal === 'only' ? 0 : (prepared(db, `SELECT count(*) FROM takes t ${whereSql(numbered, 't.number = 2')}`).pluck().get(numbered.params) as number);

  return {
    takes,
    performances,
    firstTakeSuccesses: successes,
    firstTakeSuccessRate: rateOf(successes, performances),
    multiTakePerformances: multiTake,
    byArtist: topGroups(db, artists, 'people'),
    byVenue: topGroups(db, venues, 'venues'),
    averageTakeMs: ended === 0 ? null : lengthMs / ended,
    failureReasons: FAILURE_REASONS.map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
    outcomes: OUTCOMES.map((outcome) => ({ outcome, count: outcomes.get(outcome) ?? 0 })),
  };
}
