import { describe, it, expect, afterEach } from 'vitest';
import Database from 'better-sqlite3';
import { Harness, T0, ticksDuring } from '../test-harness';
import { jobWorkersRunning, stopJobWorkers } from '../workers/run-worker';
import { MAX_WAITING, TakeReview } from './review-thread';

// Reading the take log, sorting it and passing over it for a page all grow with the takes: on the
// countdown's loop, a first look at 100,000 takes stalled every timer, the countdown's included.
// The review's thread does all of it; these check what the crew sees and what the loop keeps.

let state = 7;
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;

let h: Harness;
afterEach(() => h.dispose());

/** `count` takes of one plan, with lengths all over the place (some still open) and one in ten noted "Slip". */
function fill(count: number): { insert: (goAt: number, endedAt: number | null) => number } {
  const plan = h.db.prepare('SELECT min(id) FROM plans').pluck().get() as number;
  const insert = h.db.prepare(
    `INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, note, created_at) VALUES (?, ?, 0, ?, ?, ?, 'succeeded', ?, 0)`,
  );
  let run = 0;
  const add = (goAt: number, endedAt: number | null) =>
    Number(insert.run(plan, ++run, run, goAt, endedAt, random() < 0.1 ? 'Slip on the stairs' : 'clean').lastInsertRowid);
  h.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const goAt = T0 + Math.floor(random() * 1_000) * 1000; // many takes share a GO time: ties go to the id
      add(goAt, random() < 0.05 ? null : goAt + Math.floor(random() * 300) * 1000);
    }
  })();
  return { insert: add };
}

/** The table's order by length, from the tables: open takes first, then by length, GO time, id. */
const byLength = () =>
  h.db
    .prepare('SELECT id FROM takes WHERE rehearsal = 0 ORDER BY ended_at IS NOT NULL, ended_at - go_at, go_at, id LIMIT 300')
    .pluck()
    .all() as number[];

describe("the review's thread", () => {
  it('reads a large log while the loop keeps turning, and shows every take', async () => {
    h = new Harness({ demo: true });
    fill(20_000);
    const { value, ticks } = await ticksDuring(() => h.ok('queryTakes', { text: 'slip', limit: 5 }));
    expect(value.total).toBe(h.db.prepare("SELECT count(*) FROM takes WHERE note LIKE '%slip%'").pluck().get());
    expect(ticks).toBeGreaterThan(0);
  });

  it("builds a sort's first page while the loop keeps turning, in the order the table has always shown", async () => {
    h = new Harness({ demo: true });
    fill(40_000);
    await h.ok('queryTakes', {}); // the log is read, with the newest-first order
    const { value, ticks } = await ticksDuring(() => h.ok('queryTakes', { sort: 'duration', direction: 'asc', limit: 300 }));
    expect(ticks).toBeGreaterThan(0);
    expect(value.rows.map((r) => r.id)).toEqual(byLength());
  });

  it('answers a search never asked before with what the tables hold', async () => {
    h = new Harness({ demo: true });
    fill(40_000);
    await h.ok('queryTakes', {});
    const found = await h.ok('queryTakes', { text: 'SLIP', limit: 300 });
    const expected = h.db.prepare("SELECT id FROM takes WHERE rehearsal = 0 AND note LIKE '%slip%' ORDER BY go_at DESC, id DESC").pluck().all() as number[];
    expect(found.total).toBe(expected.length);
    expect(found.rows.map((r) => r.id)).toEqual(expected.slice(0, 300));
  });

  it('shows a take committed while it was busy in the next answer', async () => {
    h = new Harness({ demo: true });
    const { insert } = fill(40_000);
    await h.ok('queryTakes', {});
    const page = h.ok('queryTakes', { sort: 'duration', direction: 'asc', limit: 300 });
    const first = insert(T0 - 1_000, null); // committed after the question: still open, GO before every other take
    await page;
    const ids = (await h.ok('queryTakes', { sort: 'duration', direction: 'asc', limit: 300 })).rows.map((r) => r.id);
    expect(ids[0]).toBe(first);
    expect(ids).toEqual(byLength());
  });

  it('shows a take saved while it first reads the log in the next answer', async () => {
    h = new Harness({ demo: true });
    fill(20_000);
    const plan = h.db.prepare('SELECT id FROM plans LIMIT 1').pluck().get() as number;
    const first = h.ok('takeSummary', {});
    await new Promise((resolve) => setTimeout(resolve, 0));
    h.db.prepare(`INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, note, created_at) VALUES (?, 99999, 0, 99999, ?, NULL, 'pending', 'written meanwhile', 0)`).run(plan, T0 - 1);
    await first;
    expect((await h.ok('queryTakes', { text: 'written meanwhile' })).total).toBe(1);
    expect((await h.ok('takeSummary', {})).takes).toBe(h.db.prepare('SELECT count(*) FROM takes WHERE rehearsal = 0').pluck().get());
  });

  it('refuses questions past those it can have waiting, says so, and answers again once they are through', async () => {
    h = new Harness({ demo: true });
    fill(20_000);
    const asked = Array.from({ length: MAX_WAITING + 5 }, () => h.call('takeSummary', {}));
    const answers = await Promise.all(asked);
    const refused = answers.filter((a) => !a.ok);
    expect(refused).toHaveLength(5);
    expect(refused[0]).toMatchObject({ ok: false, error: { code: 'conflict', key: 'err.reviewBusy', message: expect.stringMatching(/try again in a moment/) } });
    expect((await h.ok('takeSummary', {})).takes).toBe(h.db.prepare('SELECT count(*) FROM takes WHERE rehearsal = 0').pluck().get());
  });

  it('stopped under a waiting question, fails it with the reason, and the next question reads the log afresh', async () => {
    h = new Harness({ demo: true });
    const { insert } = fill(20_000);
    await h.ok('queryTakes', {});
    expect(jobWorkersRunning()).toBe(1);
    // A commit by another connection: the thread reads all 20,000 takes again before it answers, long after it is stopped.
    const other = new Database(h.db.name);
    other.prepare("UPDATE takes SET note = 'slip' WHERE id = 1").run();
    other.close();
    const waiting = h.call('queryTakes', { text: 'slip' });
    await stopJobWorkers(); // as a crash of the thread, or a quit, would
    expect(await waiting).toMatchObject({ ok: false, error: { message: expect.stringMatching(/review's thread stopped/) } });
    insert(T0, null);
    expect((await h.ok('queryTakes', {})).total).toBe(h.db.prepare('SELECT count(*) FROM takes WHERE rehearsal = 0').pluck().get());
  });

  it('is stopped with its store, and refuses to answer after', async () => {
    h = new Harness({ demo: true });
    await h.ok('queryTakes', {});
    const db = h.db;
    await TakeReview.closeFor(db);
    expect(jobWorkersRunning()).toBe(0);
    await expect(TakeReview.of(db).summary({ rehearsal: 'exclude' })).rejects.toThrow(/store is closed/);
  });
});
