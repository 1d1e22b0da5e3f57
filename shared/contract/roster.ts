import { z } from 'zod';
import { id, person, personInput, venue, venueInput } from '../schemas';
import { method, none } from './method';

export const rosterMethods = {
  listPeople: method(none, z.array(person), false),
  createPerson: method(personInput, person, true),
  updatePerson: method(z.strictObject({ id, person: personInput }), person, true),
  listVenues: method(none, z.array(venue), false),
  createVenue: method(venueInput, venue, true),
  updateVenue: method(z.strictObject({ id, venue: venueInput }), venue, true),
} as const;
