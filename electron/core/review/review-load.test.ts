import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Harness, T0, ticksDuring } from '../test-harness';

// The review's cold load reads every take: on the countdown's loop it stalled every timer, the
// countdown's own included, for as long as the log took to read. It is read in a worker now.

let h: Harness;
beforeEach(() => (h = new Harness({ demo: true })));
afterEach(() => h.dispose());

/** Takes enough that a read on the loop would be one long turn of it. */
function storeTakes(count: number): void {
  const plan = h.db.prepare('SELECT id FROM plans LIMIT 1').pluck().get() as number;
  const insert = h.db.prepare(
    `INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, note, created_at)
     VALUES (?, ?, 0, ?, ?, ?, 'succeeded', ?, 0)`,
  );
  h.db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(plan, i + 1, i + 1, T0 + i * 1000, T0 + i * 1000 + 90_000, i % 7 === 0 ? 'late cue' : '');
  })();
}

describe('the review reads the take log off the loop', () => {
  it('a first look at a large log lets timers run while the takes are read, and shows them all', async () => {
    storeTakes(20_000);
    const { value, ticks } = await ticksDuring(() => h.ok('queryTakes', { text: 'late cue', limit: 5 }));
    expect(value.total).toBe(h.db.prepare("SELECT count(*) FROM takes WHERE note = 'late cue'").pluck().get());
    expect(ticks).toBeGreaterThan(0);
  });

  it('a take saved while the worker reads is in the next answer', async () => {
    storeTakes(20_000);
    const plan = h.db.prepare('SELECT id FROM plans LIMIT 1').pluck().get() as number;
    const first = h.ok('takeSummary', {});
    // Written on the loop while the worker reads its own snapshot: the change notes carry it over.
    await new Promise((resolve) => setTimeout(resolve, 0));
    h.db.prepare(`INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, note, created_at) VALUES (?, 99999, 0, 99999, ?, NULL, 'pending', 'written meanwhile', 0)`).run(plan, T0 - 1);
    await first;
    expect((await h.ok('queryTakes', { text: 'written meanwhile' })).total).toBe(1);
    expect((await h.ok('takeSummary', {})).takes).toBe(h.db.prepare('SELECT count(*) FROM takes WHERE rehearsal = 0').pluck().get());
  });
});
