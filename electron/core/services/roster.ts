import type { Db } from '../db/open';
import type { Ref, Role } from '../../../shared/schemas';
import { addRole, findPersonByName, getPerson, insertPerson } from '../repos/people';
import { findVenueByName, getVenue, insertVenue } from '../repos/venues';
import { CuelightError, notFound } from '../errors';

/** Resolves a roster pick: an id must exist; a new name is added to the roster with the role. */
export function resolvePerson(db: Db, ref: Ref, role: Role, field: string, now: number): number {
  if ('id' in ref) {
    const person = getPerson(db, ref.id);
    if (!person) throw notFound('Person', ref.id, field);
    return addRole(db, person, role).id;
  }
  const existing = findPersonByName(db, ref.name);
  if (existing) return addRole(db, existing, role).id;
  return insertPerson(db, { name: ref.name, roles: [role] }, now).id;
}

export function resolveVenue(db: Db, ref: Ref, field: string, now: number): number {
  if ('id' in ref) {
    if (!getVenue(db, ref.id)) throw notFound('Venue', ref.id, field);
    return ref.id;
  }
  return (findVenueByName(db, ref.name) ?? insertVenue(db, { name: ref.name }, now)).id;
}

export function assertDistinct(ids: number[], field: string): void {
  const seen = new Set<number>();
  ids.forEach((personId, i) => {
    if (seen.has(personId)) throw new CuelightError('invalid_input', `${field}.${i}: This person is already listed`, `${field}.${i}`);
    seen.add(personId);
  });
}
