import type { Db } from '../db/open';
import type { Plan } from '../../../shared/schemas';
import type { MethodParsedInput } from '../../../shared/api';
import * as plans from '../repos/plans';
import { assertDistinct, resolvePerson, resolveVenue } from './roster';
import { CuelightError, notFound } from '../errors';

type PlanFields = MethodParsedInput<'createPlan'>;

/** `at` is where the plan sits in the call's input ('plan.' for updatePlan), so errors name its real path. */
function toRecord(db: Db, input: PlanFields, now: number, status: Plan['status'], at = ''): plans.PlanRecord {
  if (input.dangerMs > input.warningMs) {
    throw new CuelightError('invalid_input', `${at}dangerMs: The danger threshold must not be longer than the warning one`, `${at}dangerMs`);
  }
  const dancerIds = input.dancers.map((r, i) => resolvePerson(db, r, 'dancer', `${at}dancers.${i}`, now));
  const guestIds = input.guests.map((r, i) => resolvePerson(db, r, 'guest', `${at}guests.${i}`, now));
  assertDistinct(dancerIds, `${at}dancers`);
  assertDistinct(guestIds, `${at}guests`);
  return {
    artistId: resolvePerson(db, input.artist, 'artist', `${at}artist`, now),
    song: input.song,
    songLengthMs: input.songLengthMs ?? null,
    venueId: input.venue ? resolveVenue(db, input.venue, `${at}venue`, now) : null,
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
    plans.updatePlan(db, id, toRecord(db, input, now, before.status, 'plan.'), now);
    return plans.getPlan(db, id)!;
  }).immediate();
}

export function requirePlan(db: Db, id: number, field = 'id'): Plan {
  const plan = plans.getPlan(db, id);
  if (!plan) throw notFound('Plan', id, field);
  return plan;
}
