import type { planMethods } from '../../../shared/contract/plans';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, planOf, TEN_HOURS, type AreaCases } from './cases';

const CSV_HEADER = 'artist,song,countdown';
const BIG = 'x'.repeat(10_000_001);

/** Refusals and one accepted input for every plans method. */
export const planCases: AreaCases<keyof typeof planMethods> = {
  bad: {
    listPlans: [
      bad('unknown field', () => ({ date: '2026-11-26' }), 'date'),
      bad('includeArchived as text', () => ({ includeArchived: 'yes' }), 'includeArchived'),
    ],
    getPlan: [
      bad('missing id', () => ({}), 'id'),
      bad('id as text', () => ({ id: '1' }), 'id'),
      bad('negative id', () => ({ id: -1 }), 'id'),
      bad('fractional id', () => ({ id: 1.5 }), 'id'),
      bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found'),
    ],
    createPlan: [
      bad('missing artist', () => ({ song: 'Encore' }), 'artist'),
      bad('missing song', (ids) => ({ artist: { id: ids.artistId } }), 'song'),
      bad('artist id as text', () => ({ artist: { id: 'AKMU' }, song: 'Encore' }), 'artist'),
      bad('unknown artist', () => ({ artist: { id: 99999 }, song: 'Encore' }), 'artist', 'not_found'),
      bad('song too long', (ids) => planOf(ids, { song: long(NAME_MAX) }), 'song'),
      bad('notes too long', (ids) => planOf(ids, { notes: long(NOTE_MAX) }), 'notes'),
      bad('negative countdown', (ids) => planOf(ids, { countdownMs: -1 }), 'countdownMs'),
      bad('zero countdown', (ids) => planOf(ids, { countdownMs: 0 }), 'countdownMs'),
      bad('ten-hour countdown', (ids) => planOf(ids, { countdownMs: TEN_HOURS }), 'countdownMs'),
      bad('countdown as text', (ids) => planOf(ids, { countdownMs: '60000' }), 'countdownMs'),
      bad('danger longer than warning', (ids) => planOf(ids, { warningMs: 10_000, dangerMs: 20_000 }), 'dangerMs'),
      bad('unknown dancer', (ids) => planOf(ids, { dancers: [{ id: 99999 }] }), 'dancers.0', 'not_found'),
      bad('same dancer twice', (ids) => planOf(ids, { dancers: [{ id: ids.dancerId }, { id: ids.dancerId }] }), 'dancers.1'),
      bad('new guest named twice', (ids) => planOf(ids, { guests: [{ name: 'Kang Da-eun' }, { name: 'kang da-eun' }] }), 'guests.1'),
      bad('new dancer before an unknown one', (ids) => planOf(ids, { dancers: [{ name: 'Kang Da-eun' }, { id: 99999 }] }), 'dancers.1', 'not_found'),
      bad('unknown venue', (ids) => planOf(ids, { venue: { id: 99999 } }), 'venue', 'not_found'),
      bad('date written day-first', (ids) => planOf(ids, { shootDate: '26/11/2026' }), 'shootDate'),
      bad('call time past midnight', (ids) => planOf(ids, { callTime: '25:00' }), 'callTime'),
      bad('unknown status', (ids) => planOf(ids, { status: 'filmed' }), 'status'),
      bad('__proto__ inside the artist', () => JSON.parse('{"artist":{"__proto__":{"polluted":1},"id":1},"song":"Encore"}'), 'artist.__proto__'),
    ],
    updatePlan: [
      bad('unknown plan', (ids) => ({ id: 99999, plan: planOf(ids) }), 'id', 'not_found'),
      bad('missing plan', (ids) => ({ id: ids.planId }), 'plan'),
      bad('zero countdown', (ids) => ({ id: ids.planId, plan: planOf(ids, { countdownMs: 0 }) }), 'plan.countdownMs'),
      bad('blank song', (ids) => ({ id: ids.planId, plan: planOf(ids, { song: ' ' }) }), 'plan.song'),
      bad('unknown artist', (ids) => ({ id: ids.planId, plan: { artist: { id: 99999 }, song: 'Encore' } }), 'plan.artist', 'not_found'),
      bad('unknown venue', (ids) => ({ id: ids.planId, plan: planOf(ids, { venue: { id: 99999 } }) }), 'plan.venue', 'not_found'),
      bad('unknown dancer', (ids) => ({ id: ids.planId, plan: planOf(ids, { dancers: [{ id: 99999 }] }) }), 'plan.dancers.0', 'not_found'),
      bad('same guest twice', (ids) => ({ id: ids.planId, plan: planOf(ids, { guests: [{ id: ids.dancerId }, { id: ids.dancerId }] }) }), 'plan.guests.1'),
      bad('danger longer than warning', (ids) => ({ id: ids.planId, plan: planOf(ids, { warningMs: 0, dangerMs: 1 }) }), 'plan.dangerMs'),
    ],
    duplicatePlan: [
      bad('missing id', () => ({}), 'id'),
      bad('id as text', () => ({ id: 'Love Lee' }), 'id'),
      bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found'),
      bad('unknown field', (ids) => ({ id: ids.planId, song: 'Copy' }), 'song'),
    ],
    deletePlan: [
      bad('missing id', () => ({}), 'id'),
      bad('zero id', () => ({ id: 0 }), 'id'),
      bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found'),
      bad('a list of ids', (ids) => ({ id: [ids.planId] }), 'id'),
    ],
    restorePlan: [
      bad('missing id', () => ({}), 'id'),
      bad('unknown id', () => ({ id: 99999 }), 'id', 'not_found'),
      bad('a plan that is not archived', (ids) => ({ id: ids.planId }), 'id', 'conflict'),
    ],
    reorderPlans: [
      bad('missing ids', () => ({}), 'ids'),
      bad('no ids', () => ({ ids: [] }), 'ids'),
      bad('ids as text', () => ({ ids: '1,2' }), 'ids'),
      bad('fractional id', () => ({ ids: [1.5] }), 'ids.0'),
      bad('unknown id', (ids) => ({ ids: [ids.planId, 99999] }), 'ids.1', 'not_found'),
      bad('same plan twice', (ids) => ({ ids: [ids.planId, ids.planId] }), 'ids.1'),
      bad('more than 10,000 ids', () => ({ ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }), 'ids'),
    ],
    exportPlans: [
      bad('missing format', () => ({}), 'format'),
      bad('unknown format', () => ({ format: 'xlsx' }), 'format'),
      bad('date written day-first', () => ({ format: 'csv', shootDate: '26/11/2026' }), 'shootDate'),
      bad('unknown field', () => ({ format: 'csv', path: '/etc/passwd' }), 'path'),
    ],
    importPlans: [
      bad('missing content', () => ({ format: 'csv' }), 'content'),
      bad('missing format', () => ({ content: CSV_HEADER }), 'format'),
      bad('unknown format', () => ({ format: 'xml', content: CSV_HEADER }), 'format'),
      bad('content not text', () => ({ format: 'json', content: [] }), 'content'),
      bad('content over 10 MB', () => ({ format: 'csv', content: BIG }), 'content'),
      bad('onlyValid as text', () => ({ format: 'csv', content: CSV_HEADER, onlyValid: 'yes' }), 'onlyValid'),
      bad('dryRun as number', () => ({ format: 'csv', content: CSV_HEADER, dryRun: 1 }), 'dryRun'),
    ],
  },
  valid: {
    listPlans: () => undefined,
    getPlan: (ids) => ({ id: ids.planId }),
    createPlan: (ids) => planOf(ids),
    updatePlan: (ids) => ({ id: ids.planId, plan: planOf(ids, { song: 'Love Lee (acoustic)' }) }),
    duplicatePlan: (ids) => ({ id: ids.planId }),
    deletePlan: (ids) => ({ id: ids.planId }),
    restorePlan: (ids) => ({ id: ids.archivedPlanId }),
    reorderPlans: (ids) => ({ ids: [ids.planId] }),
    exportPlans: () => ({ format: 'csv' }),
    importPlans: () => ({ format: 'csv', content: `${CSV_HEADER}\nAKMU,Love Lee (encore),1:30\n` }),
  },
};
