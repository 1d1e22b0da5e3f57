import type { rosterMethods } from '../../../shared/contract/roster';
import { insertPerson, listPeople } from '../repos/people';
import { insertVenue, listVenues } from '../repos/venues';
import { announce, type ApiDeps, type AreaApi } from './deps';
import { notBuilt } from './settings';

export function rosterApi(deps: ApiDeps): AreaApi<keyof typeof rosterMethods> {
  const { db, clock } = deps;
  return {
    listPeople: () => listPeople(db),
    createPerson: (input) => {
      const person = insertPerson(db, input, clock.now());
      announce(deps, 'people');
      return person;
    },
    updatePerson: () => notBuilt('updatePerson'),
    listVenues: () => listVenues(db),
    createVenue: (input) => {
      const venue = insertVenue(db, input, clock.now());
      announce(deps, 'venues');
      return venue;
    },
    updateVenue: () => notBuilt('updateVenue'),
  };
}
