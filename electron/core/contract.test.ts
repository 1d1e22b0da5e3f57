import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { MethodName } from '../../shared/api';
import type { BadCase } from './contract-cases/cases';
import { methodNames, methods } from '../../shared/api';
import type { Ids } from './contract-fixture';
import { shootOneTake } from './contract-fixture';
import { dumpDatabase, Harness } from './test-harness';

import { settingsCases } from './contract-cases/settings';
import { rosterCases } from './contract-cases/roster';
import { planCases } from './contract-cases/plans';
import { countdownCases } from './contract-cases/countdown';
import { takeCases } from './contract-cases/takes';
import { triggerCases } from './contract-cases/triggers';
import { networkCases } from './contract-cases/network';
import { readinessCases } from './contract-cases/readiness';
import { oscControlCases } from './contract-cases/osc-control';

const areas = [settingsCases, rosterCases, planCases, countdownCases, takeCases, triggerCases, networkCases, readinessCases, oscControlCases];
/** Every method's refusals: a method added to the contract without an entry fails the suite. */
const badInputs = Object.assign({}, ...areas.map((a) => a.bad)) as Record<MethodName, BadCase[]>;
/** One accepted input per method, for the view-only and sanity checks. */
const validInputs = Object.assign({}, ...areas.map((a) => a.valid)) as Record<MethodName, (ids: Ids) => unknown>;

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

  it(methods[name].access === 'read' ? 'answers a view-only caller' : 'refuses a view-only caller and changes nothing', async () => {
    const before = dumpDatabase(h.db);
    const result = await h.call(name, validInputs[name](ids), false);
    if (methods[name].access === 'department') {
      // Its own scoped token is in the input: without the operator's token it does only that.
      expect(result).toMatchObject({ ok: true });
    } else if (methods[name].access === 'control') {
      expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      expect(dumpDatabase(h.db)).toEqual(before);
    } else {
      expect(result).toMatchObject({ ok: true });
    }
  });

  it('accepts its valid input from a control caller', async () => {
    if (name === 'loadDemo') {
      // On an empty store of its own. The demo store goes first: a harness's dispose stops every job
      // worker in this process, and the demo store's after-take backup would be stopped mid-way.
      await h.dispose();
      const empty = new Harness();
      try {
        expect(await empty.call(name, undefined)).toEqual({ ok: true, value: { ok: true } });
        expect(empty.db.prepare('SELECT count(*) FROM plans').pluck().get()).toBe(6);
      } finally {
        await empty.dispose();
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
