import type { Db } from '../db/open';
import type { Person, Ref, Role, Venue } from '../../../shared/schemas';
import type { MethodParsedInput } from '../../../shared/api';
import * as people from '../repos/people';
import * as venues from '../repos/venues';
import { CuelightError, notFound } from '../errors';

/** What an import knows about a name that is new to the roster. */
export interface NewPersonDetails {
  nameAlt?: string | undefined;
}
export type NewVenueDetails = Omit<venues.NewVenue, 'name'>;

/** Two people answering to one name would make every pick by name ambiguous. */
function assertPersonNameFree(db: Db, name: string, field: string, exceptId?: number): void {
  if (name === '') return;
  const taken = people.findPersonByName(db, name, exceptId);
  if (taken) {
    throw new CuelightError('conflict', `${field}: "${name}" is already on the roster as ${describe(taken)}; pick them instead, or use another name`, field);
  }
}

const describe = (p: Person) => (p.nameAlt ? `${p.name} (${p.nameAlt})` : p.name);

/** Resolves a roster pick: an id must exist; a new name is added to the roster with the role. */
export function resolvePerson(db: Db, ref: Ref, role: Role, field: string, now: number, details: NewPersonDetails = {}): number {
  if ('id' in ref) {
    const person = people.getPerson(db, ref.id);
    if (!person) throw notFound('Person', ref.id, field);
    return people.addRole(db, person, role).id;
  }
  const existing = people.findPersonByName(db, ref.name);
  if (existing) return people.addRole(db, existing, role).id;
  if (details.nameAlt) assertPersonNameFree(db, details.nameAlt, `${field}.nameAlt`);
  return people.insertPerson(db, { name: ref.name, nameAlt: details.nameAlt, roles: [role] }, now).id;
}

export function resolveVenue(db: Db, ref: Ref, field: string, now: number, details: NewVenueDetails = {}): number {
  if ('id' in ref) {
    if (!venues.getVenue(db, ref.id)) throw notFound('Venue', ref.id, field);
    return ref.id;
  }
  return (venues.findVenueByName(db, ref.name) ?? venues.insertVenue(db, { ...details, name: ref.name }, now)).id;
}

export function assertDistinct(ids: number[], field: string): void {
  const seen = new Set<number>();
  ids.forEach((personId, i) => {
    if (seen.has(personId)) throw new CuelightError('invalid_input', `${field}.${i}: This person is already listed`, `${field}.${i}`);
    seen.add(personId);
  });
}

type PersonFields = MethodParsedInput<'createPerson'>;
type VenueFields = MethodParsedInput<'createVenue'>;

function checkPerson(db: Db, input: PersonFields, at: string, exceptId?: number): void {
  assertPersonNameFree(db, input.name, `${at}name`, exceptId);
  if (input.nameAlt) assertPersonNameFree(db, input.nameAlt, `${at}nameAlt`, exceptId);
}

export function createPerson(db: Db, input: PersonFields, now: number): Person {
  return db.transaction(() => {
    checkPerson(db, input, '');
    return people.insertPerson(db, input, now);
  }).immediate();
}

export function updatePerson(db: Db, id: number, input: PersonFields): Person {
  return db.transaction(() => {
    if (!people.getPerson(db, id)) throw notFound('Person', id, 'id');
    checkPerson(db, input, 'person.', id);
    people.updatePerson(db, id, input);
    return people.getPerson(db, id)!;
  }).immediate();
}

function assertVenueNameFree(db: Db, name: string, field: string, exceptId?: number): void {
  if (venues.findVenueByName(db, name, exceptId)) {
    throw new CuelightError('conflict', `${field}: A venue named "${name}" is already in the library; pick it instead, or use another name`, field);
  }
}

export function createVenue(db: Db, input: VenueFields, now: number): Venue {
  return db.transaction(() => {
    assertVenueNameFree(db, input.name, 'name');
    return venues.insertVenue(db, input, now);
  }).immediate();
}

export function updateVenue(db: Db, id: number, input: VenueFields): Venue {
  return db.transaction(() => {
    if (!venues.getVenue(db, id)) throw notFound('Venue', id, 'id');
    assertVenueNameFree(db, input.name, 'venue.name', id);
    venues.updateVenue(db, id, input);
    return venues.getVenue(db, id)!;
  }).immediate();
}
