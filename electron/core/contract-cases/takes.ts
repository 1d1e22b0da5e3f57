import type { takeMethods } from '../../../shared/contract/takes';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, planOf, TEN_HOURS, type AreaCases } from './cases';

/** Refusals and one accepted input for every takes method; missing: queryTakes, takeSummary, getTakeHistory, updateTakeMark, deleteTakeMark, exportTakes. */
export const takeCases: AreaCases<keyof typeof takeMethods> = {
  bad: {
    listTakes: [
      bad('limit zero', () => ({ limit: 0 }), 'limit'),
      bad('limit absurd', () => ({ limit: 5000 }), 'limit'),
      bad('unknown outcome', () => ({ outcome: 'great' }), 'outcome'),
      bad('plan id as text', () => ({ planId: 'one' }), 'planId'),
      bad('search too long', () => ({ text: long(NAME_MAX) }), 'text'),
    ],
    getTake: [bad('id as text', () => ({ id: 'x' }), 'id'), bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found')],
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
    ],
  },
  valid: {
    listTakes: () => ({}),
    getTake: (ids) => ({ id: ids.takeId }),
    setTakeOutcome: (ids) => ({ id: ids.takeId, outcome: 'succeeded' }),
    addTakeMark: (ids) => ({ takeId: ids.takeId, note: 'Bridge' }),
  },
};
