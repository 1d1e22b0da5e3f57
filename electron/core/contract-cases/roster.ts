import type { rosterMethods } from '../../../shared/contract/roster';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, type AreaCases } from './cases';

/** Refusals and one accepted input for every roster method. */
export const rosterCases: AreaCases<keyof typeof rosterMethods> = {
  bad: {
    listPeople: [bad('unknown field', () => ({ role: 'dancer' }), 'role')],
    createPerson: [
      bad('missing name', () => ({ roles: ['dancer'] }), 'name'),
      bad('blank name', () => ({ name: '   ' }), 'name'),
      bad('name too long', () => ({ name: long(NAME_MAX) }), 'name'),
      bad('name only a zero-width space', () => ({ name: '\u200b' }), 'name'),
      bad('name only invisible characters', () => ({ name: ' \ufeff\u2060\u00ad ' }), 'name'),
      bad('name with a lone surrogate', () => ({ name: 'Kang \ud800Da-eun' }), 'name'),
      bad('other-script name only a zero-width joiner', () => ({ name: 'Kang Da-eun', nameAlt: '\u200d' }), 'nameAlt'),
      bad('unknown role', () => ({ name: 'Kang Da-eun', roles: ['drummer'] }), 'roles.0'),
      bad('contact too long', () => ({ name: 'Kang Da-eun', contact: long(NOTE_MAX) }), 'contact'),
      bad('name already on the roster', () => ({ name: 'kim min-ji' }), 'name', 'conflict'),
      bad('other-script name already on the roster', () => ({ name: 'Kim Min-ji (2)', nameAlt: '김민지' }), 'nameAlt', 'conflict'),
    ],
    updatePerson: [
      bad('unknown person', () => ({ id: 99999, person: { name: 'Kang Da-eun' } }), 'id', 'not_found'),
      bad('missing person', (ids) => ({ id: ids.dancerId }), 'person'),
      bad('missing id', () => ({ person: { name: 'Kang Da-eun' } }), 'id'),
      bad('blank name', (ids) => ({ id: ids.dancerId, person: { name: ' ' } }), 'person.name'),
      bad('name too long', (ids) => ({ id: ids.dancerId, person: { name: long(NAME_MAX) } }), 'person.name'),
      bad('unknown role', (ids) => ({ id: ids.dancerId, person: { name: 'Kim Min-ji', roles: ['drummer'] } }), 'person.roles.0'),
      bad('another person’s name', (ids) => ({ id: ids.dancerId, person: { name: 'Lee Seo-jun' } }), 'person.name', 'conflict'),
      bad('another person’s Hangul name', (ids) => ({ id: ids.dancerId, person: { name: 'Kim Min-ji', nameAlt: '이서준' } }), 'person.nameAlt', 'conflict'),
    ],
    listVenues: [bad('unknown field', () => ({ area: 'Jongno' }), 'area')],
    createVenue: [
      bad('name not text', () => ({ name: 7 }), 'name'),
      bad('address null', () => ({ name: 'Seoul Arts Center', address: null }), 'address'),
      bad('name only a zero-width space', () => ({ name: '\u200b\u200b' }), 'name'),
      bad('address with a lone surrogate', () => ({ name: 'Seoul Arts Center', address: '\udc00' }), 'address'),
      bad('notes too long', () => ({ name: 'Seoul Arts Center', notes: long(NOTE_MAX) }), 'notes'),
      bad('name already in the library', () => ({ name: 'kbs hall' }), 'name', 'conflict'),
      bad('name that is another venue’s Hangul name', () => ({ name: 'kbs홀' }), 'name', 'conflict'),
      bad('Hangul name already in the library', () => ({ name: 'KBS Hall Annex', nameAlt: '국립중앙박물관' }), 'nameAlt', 'conflict'),
      bad('Hangul name that is another venue’s English name', () => ({ name: 'KBS 별관', nameAlt: 'KBS Hall' }), 'nameAlt', 'conflict'),
      bad('Hangul name too long', () => ({ name: 'Seoul Arts Center', nameAlt: long(NAME_MAX) }), 'nameAlt'),
    ],
    updateVenue: [
      bad('unknown venue', () => ({ id: 99999, venue: { name: 'KBS Hall' } }), 'id', 'not_found'),
      bad('missing venue', (ids) => ({ id: ids.venueId }), 'venue'),
      bad('blank name', (ids) => ({ id: ids.venueId, venue: { name: '' } }), 'venue.name'),
      bad('area too long', (ids) => ({ id: ids.venueId, venue: { name: 'MMCA', area: long(NAME_MAX) } }), 'venue.area'),
      bad('another venue’s name', (ids) => ({ id: ids.venueId, venue: { name: 'KBS Hall' } }), 'venue.name', 'conflict'),
      bad('another venue’s Hangul name', (ids) => ({ id: ids.venueId, venue: { name: 'MMCA', nameAlt: 'KBS홀' } }), 'venue.nameAlt', 'conflict'),
    ],
  },
  valid: {
    listPeople: () => undefined,
    createPerson: () => ({ name: 'Kang Da-eun', roles: ['dancer'] }),
    listVenues: () => undefined,
    createVenue: () => ({ name: 'Seoul Arts Center' }),
    updatePerson: (ids) => ({ id: ids.dancerId, person: { name: 'Kim Min-ji', nameAlt: '김민지', roles: ['dancer', 'guest'], contact: '010-0000-0000' } }),
    updateVenue: (ids) => ({ id: ids.venueId, venue: { name: 'MMCA Seoul', nameAlt: '국립현대미술관 서울관', area: 'Samcheong-dong · 삼청동', notes: 'Curfew 22:00' } }),
  },
};
