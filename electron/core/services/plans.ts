import type { Db } from '../db/open';
import type { Plan } from '../../../shared/schemas';
import type { PlanEntry } from '../../../shared/contract/plans';
import type { MethodParsedInput } from '../../../shared/api';
import * as plans from '../repos/plans';
import { assertDistinct, resolvePerson, resolveVenue, type NewVenueDetails, type RosterLookup } from './roster';
import { notFound, refusal } from '../errors';

export type PlanFields = MethodParsedInput<'createPlan'>;

/** What a file knows beyond a plan's input: other-script names and venue details for new entries. */
export interface PlanDetails {
  artistAlt?: string | undefined;
  dancersAlt?: string[] | undefined;
  guestsAlt?: string[] | undefined;
  venue?: NewVenueDetails | undefined;
}

/** `at` is where the plan sits in the call's input ('plan.' for updatePlan), so errors name its real path. */
function toRecord(db: Db, input: PlanFields, now: number, status: Plan['status'], at = '', details: PlanDetails = {}, lookup?: RosterLookup): plans.PlanRecord {
  if (input.dangerMs > input.warningMs) {
    throw refusal('invalid_input', 'err.dangerOverWarning', { field: `${at}dangerMs`, prefixField: true });
  }
  const dancerIds = input.dancers.map((r, i) => resolvePerson(db, r, 'dancer', `${at}dancers.${i}`, now, { nameAlt: details.dancersAlt?.[i] }, lookup));
  const guestIds = input.guests.map((r, i) => resolvePerson(db, r, 'guest', `${at}guests.${i}`, now, { nameAlt: details.guestsAlt?.[i] }, lookup));
  assertDistinct(dancerIds, `${at}dancers`);
  assertDistinct(guestIds, `${at}guests`);
  return {
    artistId: resolvePerson(db, input.artist, 'artist', `${at}artist`, now, { nameAlt: details.artistAlt }, lookup),
    song: input.song,
    songLengthMs: input.songLengthMs ?? null,
    venueId: input.venue ? resolveVenue(db, input.venue, `${at}venue`, now, details.venue, lookup) : null,
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
export function createPlan(db: Db, input: PlanFields, now: number): PlanEntry {
  return db.transaction(() => {
    const id = plans.insertPlan(db, toRecord(db, input, now, 'draft'), now);
    return plans.getPlan(db, id)!;
  }).immediate();
}

/** An imported row: the caller owns the transaction (one for the whole file) and the roster lookup. */
export function insertImportedPlan(db: Db, input: PlanFields, details: PlanDetails, runOrder: number, now: number, lookup: RosterLookup): number {
  return plans.insertPlan(db, toRecord(db, input, now, 'draft', '', details, lookup), now, runOrder);
}

export function updatePlan(db: Db, id: number, input: PlanFields, now: number): PlanEntry {
  return db.transaction(() => {
    const before = plans.getPlan(db, id);
    if (!before) throw notFound('plan', id, 'id');
    plans.updatePlan(db, id, toRecord(db, input, now, before.status, 'plan.'), now);
    return plans.getPlan(db, id)!;
  }).immediate();
}

export function requirePlan(db: Db, id: number, field = 'id'): PlanEntry {
  const plan = plans.getPlan(db, id);
  if (!plan) throw notFound('plan', id, field);
  return plan;
}

/** A copy with the same people and venue, as a draft, right after the original in the day's run. */
export function duplicatePlan(db: Db, id: number, now: number): PlanEntry {
  return db.transaction(() => {
    const original = requirePlan(db, id);
    plans.shiftRunOrderAfter(db, original.runOrder);
    const copy = plans.insertPlan(
      db,
      {
        artistId: original.artist.personId,
        song: original.song,
        songLengthMs: original.songLengthMs,
        venueId: original.venue?.id ?? null,
        shootDate: original.shootDate,
        callTime: original.callTime,
        countdownMs: original.countdownMs,
        warningMs: original.warningMs,
        dangerMs: original.dangerMs,
        notes: original.notes,
        status: 'draft',
        dancerIds: original.dancers.map((d) => d.personId),
        guestIds: original.guests.map((g) => g.personId),
      },
      now,
      original.runOrder + 1,
    );
    return plans.getPlan(db, copy)!;
  }).immediate();
}

/**
 * Deletes a plan that has no takes; one with takes is archived, so the take log keeps its plan.
 * `busyPlanId` is the plan the console has armed or is counting: it cannot go from under it.
 */
export function deletePlan(db: Db, id: number, busyPlanId: number | null, now: number): { deleted: boolean; archived: boolean } {
  return db.transaction(() => {
    const plan = requirePlan(db, id);
    if (busyPlanId === id) {
      throw refusal('conflict', 'err.planArmed', { field: 'id' });
    }
    if (plans.countAllTakes(db, id) > 0) {
      if (!plan.archived) plans.archivePlan(db, id, now);
      return { deleted: false, archived: true };
    }
    plans.deletePlan(db, id);
    return { deleted: true, archived: false };
  }).immediate();
}

/** An archived plan back in the list; asking for one that is not archived is a mistake worth saying. */
export function restorePlan(db: Db, id: number, now: number): PlanEntry {
  return db.transaction(() => {
    const plan = requirePlan(db, id);
    if (!plan.archived) throw refusal('conflict', 'err.planNotArchived', { field: 'id' });
    plans.unarchivePlan(db, id, now);
    return requirePlan(db, id);
  }).immediate();
}

/** The given plans first, in this order; every other plan keeps its place after them. */
export function reorderPlans(db: Db, ids: number[]): PlanEntry[] {
  return db.transaction(() => {
    const seen = new Set<number>();
    ids.forEach((id, i) => {
      if (seen.has(id)) throw refusal('invalid_input', 'err.planListedTwice', { field: `ids.${i}`, prefixField: true });
      seen.add(id);
      requirePlan(db, id, `ids.${i}`);
    });
    plans.renumberPlans(db, ids);
    return plans.listPlans(db);
  }).immediate();
}
