import type { Db } from '../db/open';
import type { ParsedReviewFilter, ParsedTakeQuery, TakeRow, TakeSummary } from '../../../shared/contract/takes';
import { takeRowsByIds } from '../repos/take-rows';
import { TakeReview } from '../review/review-thread';
import { getPerson } from '../repos/people';
import { getVenue } from '../repos/venues';
import { notFound, refusal } from '../errors';

/** A filter naming an artist or venue that does not exist is a mistake to report, not an empty table. */
export function checkFilter(db: Db, f: ParsedReviewFilter): void {
  if (f.artistId !== undefined && !getPerson(db, f.artistId)) throw notFound('artist', f.artistId, 'artistId');
  if (f.venueId !== undefined && !getVenue(db, f.venueId)) throw notFound('venue', f.venueId, 'venueId');
  if (f.fromMs !== undefined && f.toMs !== undefined && f.toMs <= f.fromMs) {
    throw refusal('invalid_input', 'err.rangeBackwards', { field: 'toMs', prefixField: true });
  }
}

/**
 * One page of the review table and the filtered total. The review's thread picks the page's takes
 * (see TakeReview); the loop then reads those rows, as they are now: a take deleted in between is
 * left out of the page.
 */
export async function queryTakes(db: Db, q: ParsedTakeQuery): Promise<{ total: number; rows: TakeRow[] }> {
  checkFilter(db, q);
  const { total, ids } = await TakeReview.of(db).page(q, q.sort, q.direction, q.offset, q.limit);
  return { total, rows: takeRowsByIds(db, ids) };
}

export function takeSummary(db: Db, f: ParsedReviewFilter): Promise<TakeSummary> {
  checkFilter(db, f);
  return TakeReview.of(db).summary(f);
}
