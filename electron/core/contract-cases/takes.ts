import type { takeMethods } from '../../../shared/contract/takes';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, type AreaCases, type BadCase } from './cases';

/** 2026-11-26 09:00 UTC, the fixture's shoot day: date ranges are built around it. */
const DAY = Date.UTC(2026, 10, 26);

/** What every review filter refuses, for queryTakes, takeSummary and exportTakes alike. */
function filterRefusals(base: Record<string, unknown> = {}): BadCase[] {
  const f = (extra: Record<string, unknown>) => () => ({ ...base, ...extra });
  return [
    bad('unknown field', f({ page: 2 }), 'page'),
    bad('artist id as text', f({ artistId: 'AKMU' }), 'artistId'),
    bad('unknown artist', f({ artistId: 99999 }), 'artistId', 'not_found'),
    bad('unknown venue', f({ venueId: 99999 }), 'venueId', 'not_found'),
    bad('unknown outcome', f({ outcome: 'great' }), 'outcome'),
    bad('date range ending before it starts', f({ fromMs: DAY, toMs: DAY - 1 }), 'toMs'),
    bad('date past the year 9999', f({ toMs: 1e20 }), 'toMs'),
    bad('negative date', f({ fromMs: -1 }), 'fromMs'),
    bad('date as text', f({ fromMs: '2026-11-26' }), 'fromMs'),
    bad('rehearsal as a flag', f({ rehearsal: true }), 'rehearsal'),
    bad('search too long', f({ text: long(NAME_MAX) }), 'text'),
    bad('search not text', f({ text: 42 }), 'text'),
  ];
}

/** Refusals and one accepted input for every takes method. */
export const takeCases: AreaCases<keyof typeof takeMethods> = {
  bad: {
    listTakes: [
      bad('limit zero', () => ({ limit: 0 }), 'limit'),
      bad('limit absurd', () => ({ limit: 5000 }), 'limit'),
      bad('unknown outcome', () => ({ outcome: 'great' }), 'outcome'),
      bad('plan id as text', () => ({ planId: 'one' }), 'planId'),
      bad('search too long', () => ({ text: long(NAME_MAX) }), 'text'),
    ],
    queryTakes: [
      ...filterRefusals(),
      bad('limit zero', () => ({ limit: 0 }), 'limit'),
      bad('limit absurd', () => ({ limit: 100_000 }), 'limit'),
      bad('negative offset', () => ({ offset: -1 }), 'offset'),
      bad('offset absurd', () => ({ offset: 1e12 }), 'offset'),
      bad('fractional offset', () => ({ offset: 1.5 }), 'offset'),
      bad('unknown sort', () => ({ sort: 'loudness' }), 'sort'),
      bad('unknown direction', () => ({ direction: 'up' }), 'direction'),
      bad('wrong type', () => [], undefined),
    ],
    takeSummary: [...filterRefusals(), bad('sort is not a summary filter', () => ({ sort: 'goAt' }), 'sort')],
    getTake: [bad('id as text', () => ({ id: 'x' }), 'id'), bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found')],
    getTakeHistory: [
      bad('missing id', () => ({}), 'id'),
      bad('id as text', () => ({ id: 'x' }), 'id'),
      bad('negative id', () => ({ id: -3 }), 'id'),
      bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found'),
    ],
    setTakeOutcome: [
      bad('unknown take', () => ({ id: 99999, outcome: 'succeeded' }), 'id', 'not_found'),
      bad('missing outcome', (ids) => ({ id: ids.takeId }), 'outcome'),
      bad('unknown outcome', (ids) => ({ id: ids.takeId, outcome: 'great' }), 'outcome'),
      bad('unknown failure reason', (ids) => ({ id: ids.takeId, outcome: 'failed', failureReason: 'bored' }), 'failureReason'),
      bad('reason on a success', (ids) => ({ id: ids.takeId, outcome: 'succeeded', failureReason: 'vocal' }), 'failureReason'),
      bad('note too long', (ids) => ({ id: ids.takeId, outcome: 'failed', note: long(NOTE_MAX) }), 'note'),
    ],
    addTakeMark: [
      bad('unknown take', () => ({ takeId: 99999, note: 'Bridge' }), 'takeId', 'not_found'),
      bad('missing note', (ids) => ({ takeId: ids.takeId, atMs: 0 }), 'note'),
      bad('note too long', (ids) => ({ takeId: ids.takeId, note: long(NOTE_MAX) }), 'note'),
      bad('negative time', (ids) => ({ takeId: ids.takeId, note: 'Bridge', atMs: -5 }), 'atMs'),
      bad('over a day in', (ids) => ({ takeId: ids.takeId, note: 'Bridge', atMs: 25 * 3_600_000 }), 'atMs'),
      // The fixture's take ended a quarter of a second after GO.
      bad('after the take ended', (ids) => ({ takeId: ids.takeId, note: 'Applause', atMs: 60_000 }), 'atMs'),
    ],
    updateTakeMark: [
      bad('unknown mark', () => ({ id: 99999, note: 'Bridge' }), 'id', 'not_found'),
      bad('missing id', () => ({ note: 'Bridge' }), 'id'),
      bad('id as text', () => ({ id: 'first', note: 'Bridge' }), 'id'),
      bad('nothing to change', () => ({ id: 1 }), 'note'),
      bad('note too long', () => ({ id: 1, note: long(NOTE_MAX) }), 'note'),
      bad('note not text', () => ({ id: 1, note: 7 }), 'note'),
      bad('negative time', () => ({ id: 1, atMs: -1 }), 'atMs'),
      bad('over a day in', () => ({ id: 1, atMs: 86_400_001 }), 'atMs'),
    ],
    deleteTakeMark: [
      bad('missing id', () => ({}), 'id'),
      bad('id as text', () => ({ id: 'all' }), 'id'),
      bad('fractional id', () => ({ id: 1.5 }), 'id'),
      bad('unknown mark', () => ({ id: 99999 }), 'id', 'not_found'),
    ],
    exportTakes: [
      ...filterRefusals({ format: 'csv' }),
      bad('missing format', () => ({}), 'format'),
      bad('unknown format', () => ({ format: 'xlsx' }), 'format'),
      bad('unknown sort', () => ({ format: 'json', sort: 'loudness' }), 'sort'),
      bad('offset from UTC over 14 hours', () => ({ format: 'csv', utcOffsetMinutes: 900 }), 'utcOffsetMinutes'),
    ],
  },
  valid: {
    listTakes: () => ({}),
    queryTakes: (ids) => ({ artistId: ids.artistId, sort: 'artist', direction: 'asc', limit: 50 }),
    takeSummary: (ids) => ({ venueId: ids.venueId, fromMs: DAY, toMs: DAY + 86_400_000 }),
    getTake: (ids) => ({ id: ids.takeId }),
    getTakeHistory: (ids) => ({ id: ids.takeId }),
    setTakeOutcome: (ids) => ({ id: ids.takeId, outcome: 'succeeded' }),
    addTakeMark: (ids) => ({ takeId: ids.takeId, note: 'Bridge' }),
    // Mark 1 is the first mark in the fixture's fresh database: these pass once shootOneTake adds one.
    updateTakeMark: (ids) => ({ id: ids.markId, note: 'Bridge (late)' }),
    deleteTakeMark: (ids) => ({ id: ids.markId }),
    exportTakes: () => ({ format: 'csv', text: 'Love' }),
  },
};
