import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { ErrorCode, MethodName } from '../../shared/api';
import { methodNames, methods } from '../../shared/api';
import { NAME_MAX, NOTE_MAX } from '../../shared/text';
import type { Ids } from './contract-fixture';
import { shootOneTake } from './contract-fixture';
import { dumpDatabase, Harness } from './test-harness';

interface BadCase {
  why: string;
  input: (ids: Ids) => unknown;
  field: string | undefined;
  code: ErrorCode;
}

const bad = (why: string, input: (ids: Ids) => unknown, field: string | undefined, code: ErrorCode = 'invalid_input'): BadCase => ({
  why,
  input,
  field,
  code,
});

const long = (max: number) => 'x'.repeat(max + 1);
const TEN_HOURS = 10 * 3_600_000;
const planOf = (ids: Ids, extra: Record<string, unknown> = {}) => ({ artist: { id: ids.artistId }, song: 'Encore', ...extra });

/** Every method's refusals: a method added to the contract without an entry here fails the suite. */
const badInputs: Record<MethodName, BadCase[]> = {
  getBootstrap: [bad('unknown field', () => ({ verbose: true }), 'verbose'), bad('wrong type', () => 'all', undefined)],
  loadDemo: [
    bad('unknown field', () => ({ force: true }), 'force'),
    bad('wrong type', () => [], undefined),
    bad('a shoot is already planned', () => undefined, undefined, 'conflict'),
  ],
  updateSettings: [
    bad('missing crewName', () => ({}), 'crewName'),
    bad('crewName not text', () => ({ crewName: 42 }), 'crewName'),
    bad('crewName too long', () => ({ crewName: long(NAME_MAX) }), 'crewName'),
  ],
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
  listPlans: [bad('unknown field', () => ({ date: '2026-11-26' }), 'date')],
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
  getCountdown: [bad('unknown field', () => ({ now: 1 }), 'now')],
  countdownCommand: [
    bad('no command', () => ({}), 'type'),
    bad('unknown command', () => ({ type: 'explode' }), 'type'),
    bad('arm without a plan', () => ({ type: 'arm' }), 'planId'),
    bad('arm an unknown plan', () => ({ type: 'arm', planId: 99999 }), 'planId', 'not_found'),
    bad('rehearsal not a flag', (ids) => ({ type: 'arm', planId: ids.planId, rehearsal: 'yes' }), 'rehearsal'),
    bad('adjust by ten hours', () => ({ type: 'adjust', deltaMs: TEN_HOURS }), 'deltaMs'),
    bad('adjust by half a millisecond', () => ({ type: 'adjust', deltaMs: 0.5 }), 'deltaMs'),
    bad('extra field on start', () => ({ type: 'start', force: true }), 'force'),
  ],
  setStageMessage: [
    bad('missing text', () => ({}), 'text'),
    bad('text not text', () => ({ text: 5 }), 'text'),
    bad('text too long', () => ({ text: long(200) }), 'text'),
  ],
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
};

/** One accepted input per method, for the view-only and sanity checks. */
const validInputs: Record<MethodName, (ids: Ids) => unknown> = {
  getBootstrap: () => undefined,
  loadDemo: () => undefined,
  updateSettings: () => ({ crewName: 'Crew B' }),
  listPeople: () => undefined,
  createPerson: () => ({ name: 'Kang Da-eun', roles: ['dancer'] }),
  listVenues: () => undefined,
  createVenue: () => ({ name: 'Seoul Arts Center' }),
  listPlans: () => undefined,
  getPlan: (ids) => ({ id: ids.planId }),
  createPlan: (ids) => planOf(ids),
  updatePlan: (ids) => ({ id: ids.planId, plan: planOf(ids, { song: 'Love Lee (acoustic)' }) }),
  getCountdown: () => undefined,
  countdownCommand: (ids) => ({ type: 'arm', planId: ids.planId }),
  setStageMessage: () => ({ text: 'Two minutes' }),
  listTakes: () => ({}),
  getTake: (ids) => ({ id: ids.takeId }),
  setTakeOutcome: (ids) => ({ id: ids.takeId, outcome: 'succeeded' }),
  addTakeMark: (ids) => ({ takeId: ids.takeId, note: 'Bridge' }),
};

/** The valid input with a `__proto__` key added the way JSON.parse makes one: an own property. */
function withProtoKey(valid: unknown): unknown {
  const json = JSON.stringify(valid ?? {});
  return JSON.parse(json === '{}' ? '{"__proto__":{"polluted":1}}' : `{"__proto__":{"polluted":1},${json.slice(1)}`);
}

let h: Harness;
let ids: Ids;

beforeEach(async () => {
  h = new Harness({ demo: true });
  ids = await shootOneTake(h);
});
afterEach(() => h.dispose());

describe('the contract tables', () => {
  it('has refusals and an accepted input for every method', () => {
    expect(Object.keys(badInputs).sort()).toEqual([...methodNames].sort());
    expect(Object.keys(validInputs).sort()).toEqual([...methodNames].sort());
    for (const name of methodNames) expect({ name, cases: badInputs[name].length > 0 }).toEqual({ name, cases: true });
  });
});

describe.each(methodNames)('%s', (name) => {
  it.each((badInputs[name] ?? []).map((c) => [c.why, c] as const))('refuses %s and changes nothing', async (_why, c) => {
    const before = dumpDatabase(h.db);
    const error = await h.refused(name, c.input(ids));
    expect({ code: error.code, field: error.field }).toEqual({ code: c.code, field: c.field });
    expect(error.message.length).toBeGreaterThan(0);
    expect(dumpDatabase(h.db)).toEqual(before);
  });

  it('refuses a __proto__ key, naming it, and changes nothing', async () => {
    const before = dumpDatabase(h.db);
    const error = await h.refused(name, withProtoKey(validInputs[name](ids)));
    expect({ code: error.code, field: error.field }).toEqual({ code: 'invalid_input', field: '__proto__' });
    expect(dumpDatabase(h.db)).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it(methods[name].mutates ? 'refuses a view-only caller and changes nothing' : 'answers a view-only caller', async () => {
    const before = dumpDatabase(h.db);
    const result = await h.call(name, validInputs[name](ids), false);
    if (methods[name].mutates) {
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(dumpDatabase(h.db)).toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: true });
    }
  });

  it('accepts its valid input from a control caller', async () => {
    if (name === 'loadDemo') {
      const empty = new Harness();
      try {
        expect(await empty.call(name, undefined)).toEqual({ ok: true, value: { ok: true } });
        expect(empty.db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(6);
      } finally {
        empty.dispose();
      }
      return;
    }
    const result = await h.call(name, validInputs[name](ids));
    expect(result.ok ? 'accepted' : result.error).toBe('accepted');
    if (result.ok) expect(methods[name].output.safeParse(result.value).success).toBe(true);
  });
});

describe('unknown methods', () => {
  it.each(['dropTables', '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''])('refuses %j as not found, changing nothing', async (name) => {
    const before = dumpDatabase(h.db);
    const error = await h.refused(name, {});
    expect(error.code).toBe('not_found');
    expect(dumpDatabase(h.db)).toEqual(before);
  });
});
