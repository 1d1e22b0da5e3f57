import type { rosterMethods } from '../../../shared/contract/roster';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, planOf, TEN_HOURS, type AreaCases } from './cases';

/** Refusals and one accepted input for every roster method; missing: updatePerson, updateVenue. */
export const rosterCases: AreaCases<keyof typeof rosterMethods> = {
  bad: {
    listPeople: [bad('unknown field', () => ({ role: 'dancer' }), 'role')],
    createPerson: [
      bad('missing name', () => ({ roles: ['dancer'] }), 'name'),
      bad('blank name', () => ({ name: '   ' }), 'name'),
      bad('name too long', () => ({ name: long(NAME_MAX) }), 'name'),
      bad('unknown role', () => ({ name: 'Kang Da-eun', roles: ['drummer'] }), 'roles.0'),
      bad('contact too long', () => ({ name: 'Kang Da-eun', contact: long(NOTE_MAX) }), 'contact'),
    ],
    listVenues: [bad('unknown field', () => ({ area: 'Jongno' }), 'area')],
    createVenue: [
      bad('name not text', () => ({ name: 7 }), 'name'),
      bad('address null', () => ({ name: 'Seoul Arts Center', address: null }), 'address'),
      bad('notes too long', () => ({ name: 'Seoul Arts Center', notes: long(NOTE_MAX) }), 'notes'),
    ],
  },
  valid: {
    listPeople: () => undefined,
    createPerson: () => ({ name: 'Kang Da-eun', roles: ['dancer'] }),
    listVenues: () => undefined,
    createVenue: () => ({ name: 'Seoul Arts Center' }),
  },
};
