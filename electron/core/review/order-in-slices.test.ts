import { describe, it, expect, afterEach } from 'vitest';
import { Harness, T0 } from '../test-harness';
import { sortInSlices } from './sliced-sort';
import { TakeColumns } from './columns';
import { match, matchInSlices } from './filter';

// The first look at a sort over a big take log builds its order a slice at a time: the loop runs
// other calls and timers in between, and the order is the one the table has always shown.

let state = 7;
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;

describe('sorting a slice at a time', () => {
  /** Keys with many ties, broken by the row itself: a total order, as the review's sorts are. */
  const byKeyThenRow = (keys: number[]) => (a: number, b: number) => keys[a]! - keys[b]! || a - b;

  it('gives the order a plain sort gives, at and around its run and merge boundaries', async () => {
    for (const n of [0, 1, 2, 511, 512, 513, 1024, 1500, 5_000, 20_001]) {
      const keys = Array.from({ length: n }, () => Math.floor(random() * 50));
      const compare = byKeyThenRow(keys);
      const rows = Uint32Array.from({ length: n }, (_, i) => n - 1 - i);
      const expected = Array.from(rows).sort(compare);
      const sorted = await sortInSlices(rows, compare);
      expect({ n, rows: Array.from(sorted!) }).toEqual({ n, rows: expected });
    }
  });

  it('lets the loop go between slices, and stops when no longer wanted', async () => {
    const n = 50_000;
    const keys = Array.from({ length: n }, () => random());
    let turns = 0;
    const yieldTurn = async () => void turns++;
    const sorted = await sortInSlices(Uint32Array.from({ length: n }, (_, i) => i), byKeyThenRow(keys), { sliceMs: 0, yieldTurn });
    expect(turns).toBeGreaterThan(10);
    expect(Array.from(sorted!).every((row, i, all) => i === 0 || keys[all[i - 1]!]! <= keys[row]!)).toBe(true);

    turns = 0;
    const stopped = await sortInSlices(Uint32Array.from({ length: n }, (_, i) => i), byKeyThenRow(keys), { sliceMs: 0, yieldTurn, stillWanted: () => turns < 3 });
    expect(stopped).toBeNull();
    expect(turns).toBe(3);
  });
});

describe("a sort's first page over a big log", () => {
  let h: Harness;
  afterEach(() => h.dispose());

  /** `count` takes of one plan, with lengths all over the place (some still open). */
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

  it('is built while the loop keeps turning, and is the order the table has always shown', async () => {
    h = new Harness({ demo: true });
    fill(40_000);
    await h.ok('queryTakes', {}); // the log is read, with the newest-first order
    let turns = 0;
    let done = false;
    const page = h.ok('queryTakes', { sort: 'duration', direction: 'asc', limit: 300 }).finally(() => (done = true));
    while (!done) {
      turns++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(turns).toBeGreaterThan(5);
    expect((await page).rows.map((r) => r.id)).toEqual(byLength());
  });

  it('takes in a take committed while it was being built', async () => {
    h = new Harness({ demo: true });
    const { insert } = fill(40_000);
    await h.ok('queryTakes', {});
    let done = false;
    const page = h.ok('queryTakes', { sort: 'duration', direction: 'asc', limit: 300 }).finally(() => (done = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    const first = insert(T0 - 1_000, null); // still open, and GO before every other take: first of all
    const ids = (await page).rows.map((r) => r.id);
    expect(ids[0]).toBe(first);
    expect(ids).toEqual(byLength());
  });

  it('finds a new text search a slice at a time, and finds what the tables hold', async () => {
    h = new Harness({ demo: true });
    fill(40_000);
    await h.ok('queryTakes', {});
    // Spread over turns of the loop, it marks the same rows one pass would.
    const columns = TakeColumns.load(h.db);
    let turns = 0;
    const sliced = await matchInSlices(columns, { rehearsal: 'exclude', text: 'SLIP' }, { sliceMs: 0, yieldTurn: async () => void turns++ });
    const whole = match(columns, { rehearsal: 'exclude', text: 'SLIP' });
    expect(turns).toBeGreaterThan(5);
    expect(sliced!.count).toBe(whole.count);
    expect(Buffer.from(sliced!.mask).equals(Buffer.from(whole.mask))).toBe(true);
    // Through the API, a search never asked before finds what the tables hold.
    const page = h.ok('queryTakes', { text: 'SLIP', limit: 300 });
    const expected = h.db.prepare("SELECT id FROM takes WHERE rehearsal = 0 AND note LIKE '%slip%' ORDER BY go_at DESC, id DESC").pluck().all() as number[];
    const found = await page;
    expect(found.total).toBe(expected.length);
    expect(found.rows.map((r) => r.id)).toEqual(expected.slice(0, 300));
  });
});
