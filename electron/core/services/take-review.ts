import type { Db } from '../db/open';
import type { ParsedReviewFilter, ParsedTakeQuery, TakeRow, TakeSummary } from '../../../shared/contract/takes';
import { takeRowsByIds } from '../repos/take-rows';
import { ReviewIndex } from '../review/review-index';
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

/** One page of the review table and the filtered total, read in one transaction so they agree. */
export function queryTakes(db: Db, q: ParsedTakeQuery): { total: number; rows: TakeRow[] } {
  return db.transaction(() => {
    checkFilter(db, q);
    const { total, ids } = ReviewIndex.of(db).page(q, q.sort, q.direction, q.offset, q.limit);
    return { total, rows: takeRowsByIds(db, ids) };
  })();
}

export function takeSummary(db: Db, f: ParsedReviewFilter): TakeSummary {
  return db.transaction(() => {
    checkFilter(db, f);
    return ReviewIndex.of(db).summary(f);
  })();
}
