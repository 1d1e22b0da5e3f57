import type { Db } from '../db/open';
import type { Person, Ref, Role, Venue } from '../../../shared/schemas';
import type { MethodParsedInput } from '../../../shared/api';
import * as people from '../repos/people';
import * as venues from '../repos/venues';
import { nameKey } from '../../../shared/text';
import { notFound, refusal } from '../errors';
import type { NameCursor } from '../repos/name-page';

/** People or venues read per page as a lookup fills: a page is one short slice of the loop. */
export const ROSTER_PAGE = 500;

/** A name-ordered list read a page at a time, each page after where the last one ended. */
class NamePages<T extends NameCursor> {
  private after: NameCursor | null = null;
  done = false;

  constructor(private read: (after: NameCursor | null, limit: number) => T[]) {}

  next(): T[] {
    const page = this.read(this.after, ROSTER_PAGE);
    this.after = page.at(-1) ?? this.after;
    this.done = page.length < ROSTER_PAGE;
    return page;
  }
}

/**
 * The roster by name, read once for a whole import instead of once per name (a 2,000-row file
 * would otherwise hold the host, and its countdown, for seconds). It is filled a page at a time
 * (`loadPage`), so a big roster is read in slices too. A row written in a savepoint that is rolled
 * back takes back what it added here as well (`withRow`).
 */
export class RosterLookup {
  private people = new Map<string, Person>();
  private venues = new Map<string, Venue>();
  private readonly peoplePages: NamePages<Person>;
  private readonly venuePages: NamePages<Venue>;
  /** While a row is written: how to put back each entry it changed, in the order changed. */
  private undo: (() => void)[] | null = null;

  /** Empty until filled by loadPage. */
  constructor(db: Db) {
    this.peoplePages = new NamePages((after, limit) => people.peoplePage(db, after, limit));
    this.venuePages = new NamePages((after, limit) => venues.venuesPage(db, after, limit));
  }

  /** Reads the next page of people, then of venues, in name order; false once all are read. */
  loadPage(): boolean {
    if (!this.peoplePages.done) this.peoplePages.next().forEach((p) => this.keep(p));
    else if (!this.venuePages.done) this.venuePages.next().forEach((v) => this.keepVenue(v));
    return !this.peoplePages.done || !this.venuePages.done;
  }

  /**
   * Runs one row's writes; if they throw (their savepoint then rolled back), what they added here
   * is taken back too, and the error goes on.
   */
  withRow<T>(write: () => T): T {
    this.undo = [];
    try {
      return write();
    } catch (error) {
      this.undo.reverse().forEach((putBack) => putBack());
      throw error;
    } finally {
      this.undo = null;
    }
  }

  person(name: string): Person | undefined {
    return this.people.get(nameKey(name));
  }

  venue(name: string): Venue | undefined {
    return this.venues.get(nameKey(name));
  }

  /** First come keeps a name, as the roster's own lookup (in name order) would find it. */
  keep(p: Person): void {
    for (const key of [p.name, p.nameAlt].filter(Boolean).map(nameKey)) this.hold(this.people, key, p);
  }

  keepVenue(v: Venue): void {
    for (const key of [v.name, v.nameAlt].filter(Boolean).map(nameKey)) this.hold(this.venues, key, v);
  }

  private hold<T extends Person | Venue>(map: Map<string, T>, key: string, value: T): void {
    const held = map.get(key);
    if (held && held.id !== value.id) return;
    this.undo?.push(() => (held ? map.set(key, held) : map.delete(key)));
    map.set(key, value);
  }
}

/** What an import knows about a name that is new to the roster. */
export interface NewPersonDetails {
  nameAlt?: string | undefined;
}
export type NewVenueDetails = Omit<venues.NewVenue, 'name'>;

/** Two people answering to one name would make every pick by name ambiguous. */
function assertPersonNameFree(db: Db, name: string, field: string, exceptId?: number, lookup?: RosterLookup): void {
  if (name === '') return;
  const found = lookup?.person(name);
  const taken = lookup ? (found?.id === exceptId ? undefined : found) : people.findPersonByName(db, name, exceptId);
  if (taken) {
    throw refusal('conflict', 'err.personTaken', { params: { name, taken: describe(taken) }, field, prefixField: true });
  }
}

const describe = (p: Person) => (p.nameAlt ? `${p.name} (${p.nameAlt})` : p.name);

/** Resolves a roster pick: an id must exist; a new name is added to the roster with the role. */
export function resolvePerson(db: Db, ref: Ref, role: Role, field: string, now: number, details: NewPersonDetails = {}, lookup?: RosterLookup): number {
  if ('id' in ref) {
    const person = people.getPerson(db, ref.id);
    if (!person) throw notFound('person', ref.id, field);
    return people.addRole(db, person, role).id;
  }
  let person = lookup ? lookup.person(ref.name) : people.findPersonByName(db, ref.name);
  if (person) {
    person = people.addRole(db, person, role);
  } else {
    if (details.nameAlt) assertPersonNameFree(db, details.nameAlt, `${field}.nameAlt`, undefined, lookup);
    person = people.insertPerson(db, { name: ref.name, nameAlt: details.nameAlt, roles: [role] }, now);
  }
  lookup?.keep(person);
  return person.id;
}

export function resolveVenue(db: Db, ref: Ref, field: string, now: number, details: NewVenueDetails = {}, lookup?: RosterLookup): number {
  if ('id' in ref) {
    if (!venues.getVenue(db, ref.id)) throw notFound('venue', ref.id, field);
    return ref.id;
  }
  let venue = lookup ? lookup.venue(ref.name) : venues.findVenueByName(db, ref.name);
  if (!venue) {
    if (details.nameAlt) assertVenueNameFree(db, details.nameAlt, `${field}.nameAlt`, undefined, lookup);
    venue = venues.insertVenue(db, { ...details, name: ref.name }, now);
  }
  lookup?.keepVenue(venue);
  return venue.id;
}

export function assertDistinct(ids: number[], field: string): void {
  const seen = new Set<number>();
  ids.forEach((personId, i) => {
    if (seen.has(personId)) throw refusal('invalid_input', 'err.personListedTwice', { field: `${field}.${i}`, prefixField: true });
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
    if (!people.getPerson(db, id)) throw notFound('person', id, 'id');
    checkPerson(db, input, 'person.', id);
    people.updatePerson(db, id, input);
    return people.getPerson(db, id)!;
  }).immediate();
}

/** One venue per name in either script, as for people: a pick by name must mean one place. */
function assertVenueNameFree(db: Db, name: string, field: string, exceptId?: number, lookup?: RosterLookup): void {
  if (name === '') return;
  const found = lookup?.venue(name);
  const taken = lookup ? (found?.id === exceptId ? undefined : found) : venues.findVenueByName(db, name, exceptId);
  if (taken) {
    throw refusal('conflict', 'err.venueTaken', { params: { name }, field, prefixField: true });
  }
}

function checkVenue(db: Db, input: VenueFields, at: string, exceptId?: number): void {
  assertVenueNameFree(db, input.name, `${at}name`, exceptId);
  if (input.nameAlt) assertVenueNameFree(db, input.nameAlt, `${at}nameAlt`, exceptId);
}

export function createVenue(db: Db, input: VenueFields, now: number): Venue {
  return db.transaction(() => {
    checkVenue(db, input, '');
    return venues.insertVenue(db, input, now);
  }).immediate();
}

export function updateVenue(db: Db, id: number, input: VenueFields): Venue {
  return db.transaction(() => {
    if (!venues.getVenue(db, id)) throw notFound('venue', id, 'id');
    checkVenue(db, input, 'venue.', id);
    venues.updateVenue(db, id, input);
    return venues.getVenue(db, id)!;
  }).immediate();
}
