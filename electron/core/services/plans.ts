import type { Db } from '../db/open';
import type { Plan } from '../../../shared/schemas';
import type { MethodParsedInput } from '../../../shared/api';
import * as plans from '../repos/plans';
import { assertDistinct, resolvePerson, resolveVenue } from './roster';
import { CuelightError, notFound } from '../errors';

type PlanFields = MethodParsedInput<'createPlan'>;

function toRecord(db: Db, input: PlanFields, now: number, status: Plan['status']): plans.PlanRecord {
  if (input.dangerMs > input.warningMs) {
    throw new CuelightError('invalid_input', 'dangerMs: The danger threshold must not be longer than the warning one', 'dangerMs');
  }
  const dancerIds = input.dancers.map((r, i) => resolvePerson(db, r, 'dancer', `dancers.${i}`, now));
  const guestIds = input.guests.map((r, i) => resolvePerson(db, r, 'guest', `guests.${i}`, now));
  assertDistinct(dancerIds, 'dancers');
  assertDistinct(guestIds, 'guests');
  return {
    artistId: resolvePerson(db, input.artist, 'artist', 'artist', now),
    song: input.song,
    songLengthMs: input.songLengthMs ?? null,
    venueId: input.venue ? resolveVenue(db, input.venue, 'venue', now) : null,
    shootDate: input.shootDate ?? null,
    callTime: input.callTime ?? null,
    countdownMs: input.countdownMs,
    warningMs: input.warningMs,
    dangerMs: input.dangerMs,
    notes: input.notes ?? '',
    status: input.status ?? status,
    dancerIds,
    guestIds,
  };
}

/** Every plan write is one transaction: a bad dancer ref leaves no half-made plan or stray person. */
export function createPlan(db: Db, input: PlanFields, now: number): Plan {
  return db.transaction(() => {
    const id = plans.insertPlan(db, toRecord(db, input, now, 'draft'), now);
    return plans.getPlan(db, id)!;
  }).immediate();
}

export function updatePlan(db: Db, id: number, input: PlanFields, now: number): Plan {
  return db.transaction(() => {
    const before = plans.getPlan(db, id);
    if (!before) throw notFound('Plan', id, 'id');
    plans.updatePlan(db, id, toRecord(db, input, now, before.status), now);
    return plans.getPlan(db, id)!;
  }).immediate();
}

export function requirePlan(db: Db, id: number, field = 'id'): Plan {
  const plan = plans.getPlan(db, id);
  if (!plan) throw notFound('Plan', id, field);
  return plan;
}
