import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api';
import { Harness, runToGo } from '../test-harness';

// better-sqlite3 builds SQLite with STAT4, and then a statement whose plan SQLite thinks may depend
// on a bound value (a join looked up by `t.id = ?`, for one) is compiled again on every run: ~25 µs
// each time, on the commit the crew waits on and on every page of the review. Such statements bind
// their ids as `CAST(? AS INTEGER)`, which keeps the index lookup and compiles once.
//
// better-sqlite3 compiles a row-builder function (with `Function`) for an object-row statement
// each time SQLite compiles the statement, so counting those calls counts recompiles.

let h: Harness;
let compiled = 0;
const original = globalThis.Function;

beforeEach(() => {
  h = new Harness({ demo: true });
  globalThis.Function = new Proxy(original, {
    apply(target, self, args: string[]) {
      compiled++;
      return Reflect.apply(target, self, args) as unknown;
    },
  });
});
afterEach(() => {
  globalThis.Function = original;
  h.dispose();
});

describe('statements the app runs again and again', () => {
  it('are compiled once, not on every run', async () => {
    const plans = await h.ok('listPlans', undefined);
    const go = await runToGo(h, plans[0]!.id);
    h.clock.advance(60_000);
    await h.ok('countdownCommand', { type: 'end' });
    const id = go.takeId!;
    await h.ok('addTakeMark', { takeId: id, note: 'dancer slip', atMs: 1000 });
    let runs = 0;
    const calls: [MethodName, () => MethodInput<MethodName>][] = [
      ['setTakeOutcome', () => ({ id, outcome: ++runs % 2 ? 'failed' : 'succeeded' })],
      ['getTake', () => ({ id })],
      ['getTakeHistory', () => ({ id })],
      ['queryTakes', () => ({ limit: 50 })],
      ['takeSummary', () => ({})],
      ['getPlan', () => ({ id: plans[1]!.id })],
      ['listPlans', () => undefined],
      ['getCountdown', () => undefined],
      ['listTakes', () => ({ planId: plans[0]!.id })],
    ];
    // First runs compile (twice: an outcome that changes runs statements the first one did not).
    for (let i = 0; i < 2; i++) for (const [method, input] of calls) await h.ok(method, input());
    const recompiled: Record<string, number> = {};
    for (const [method, input] of calls) {
      compiled = 0;
      for (let i = 0; i < 3; i++) await h.ok(method, input());
      recompiled[method] = compiled;
    }
    expect(recompiled).toEqual(Object.fromEntries(calls.map(([method]) => [method, 0])));
  });
});
