import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { MethodInput, MethodName } from '../../../shared/api';
import { Harness, runToGo } from '../test-harness';
import { compiledTexts, statement } from './statements';

// better-sqlite3 builds SQLite with STAT4, and then a statement whose plan SQLite thinks may depend
// on a bound value (a join looked up by `t.id = ?`, `LIMIT ?`) is compiled again on every run:
// ~25 µs each time, on the commit the crew waits on and on every page of the review. Such statements
// bind their ids as `CAST(? AS INTEGER)`, which keeps the index lookup and compiles once.

let h: Harness;
beforeEach(() => {
  h = new Harness({ demo: true });
});
afterEach(() => h.dispose());

/** The app's repeated calls, as the crew and the review make them, after one take with a mark. */
async function appCalls(): Promise<[MethodName, () => Promise<unknown>][]> {
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
    ['listTakes', () => ({ planId: plans[0]!.id, text: 'slip' })],
  ];
  return calls.map(([method, input]) => [method, () => h.ok(method, input())]);
}

describe('statements the app runs again and again', () => {
  it('bind ids and limits as CAST(? AS INTEGER), never as a bare parameter', async () => {
    for (const [, call] of await appCalls()) await call();
    const texts = compiledTexts(h.db);
    expect(texts.length).toBeGreaterThan(20);
    // A bare parameter recompiles in a join (or as a LIMIT/OFFSET); on one table it does not.
    const bareInJoin = (sql: string) => /\bJOIN\b/i.test(sql) && /(=|\bIN)\s*\?(?!\w)/i.test(sql);
    const bareLimit = (sql: string) => /\b(LIMIT|OFFSET)\s+\?/i.test(sql);
    expect(texts.filter((sql) => bareInJoin(sql) || bareLimit(sql)).map((sql) => sql.replace(/\s+/g, ' ').trim())).toEqual([]);
  });

  it('are not compiled again on every run (measured, with a canary that proves the measure works)', async () => {
    // better-sqlite3 builds a row-builder function (with `Function`) each time SQLite compiles an
    // object-row statement, so counting those calls counts compiles. The canary, a bare id in a join,
    // must be seen recompiling: if better-sqlite3 ever stops using `Function`, this fails loudly.
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = new Proxy(original, {
      apply(target, self, args: string[]) {
        compiled++;
        return Reflect.apply(target, self, args) as unknown;
      },
    });
    try {
      // First runs compile (twice: an outcome that changes runs statements the first one did not).
      const calls = await appCalls();
      for (let i = 0; i < 2; i++) for (const [, call] of calls) await call();
      const canary = statement(h.db, 'SELECT t.id, p.song FROM takes t JOIN plans p ON p.id = t.plan_id WHERE t.id = ?');
      const takeId = h.db.prepare('SELECT max(id) FROM takes').pluck().get() as number;
      canary.all(takeId);
      compiled = 0;
      for (let i = 0; i < 3; i++) canary.all(takeId); // a row builder is made when a recompiled statement returns a row
      expect(compiled, 'the canary recompiles: the measure sees recompiles').toBeGreaterThan(0);
      const recompiled: Record<string, number> = {};
      for (const [method, call] of calls) {
        compiled = 0;
        for (let i = 0; i < 3; i++) await call();
        recompiled[method] = compiled;
      }
      expect(recompiled).toEqual(Object.fromEntries(calls.map(([method]) => [method, 0])));
    } finally {
      globalThis.Function = original;
    }
  });
});
