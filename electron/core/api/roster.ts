import type { rosterMethods } from '../../../shared/contract/roster';
import { listPeople } from '../repos/people';
import { listVenues } from '../repos/venues';
import { createPerson, createVenue, updatePerson, updateVenue } from '../services/roster';
import { announce, type ApiDeps, type AreaApi } from './deps';

export function rosterApi(deps: ApiDeps): AreaApi<keyof typeof rosterMethods> {
  const { db, clock } = deps;
  return {
    listPeople: () => listPeople(db),
    createPerson: (input) => {
      const person = createPerson(db, input, clock.now());
      announce(deps, 'people');
      return person;
    },
    // Plans show their people's names, so an edit to a person or venue changes plans too.
    updatePerson: (input) => {
      const person = updatePerson(db, input.id, input.person);
      announce(deps, 'people', 'plans');
      return person;
    },
    listVenues: () => listVenues(db),
    createVenue: (input) => {
      const venue = createVenue(db, input, clock.now());
      announce(deps, 'venues');
      return venue;
    },
    updateVenue: (input) => {
      const venue = updateVenue(db, input.id, input.venue);
      announce(deps, 'venues', 'plans');
      return venue;
    },
  };
}
