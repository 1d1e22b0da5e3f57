import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { TakeQuery, TakeRow } from '../../../shared/contract/takes';
import { TAKE_SORTS } from '../../../shared/contract/takes';
import type { Db } from '../db/open';
import { Harness, T0 } from '../test-harness';

// The review reads pages from its in-memory sort orders; small pages and one big page must give
// the same order, and that order must be the one a person expects, page after page.

let h: Harness;
beforeEach(() => {
  h = new Harness({ demo: true });
  seed(h.db);
});
afterEach(() => h.dispose());

/** A small shoot with every awkward case: no venue, names differing only in case, Hangul, open takes, rehearsals. */
function seed(db: Db): void {
  let state = 7;
  const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  db.transaction(() => {
    db.prepare("INSERT INTO people (name, roles, created_at) VALUES ('akmu', '[\"artist\"]', 0), ('아이유', '[\"artist\"]', 0)").run();
    const artists = db.prepare('SELECT id FROM people').pluck().all() as number[];
    const venues = [...(db.prepare('SELECT id FROM venues').pluck().all() as number[]), null];
    const songs = ['Love Lee', 'love lee', '밤편지', 'Blueming', '좋은 날', 'Palette'];
    const plan = db.prepare(
      `INSERT INTO plans (artist_id, song, venue_id, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
       VALUES (?, ?, ?, 60000, 30000, 10000, 100, 0, 0)`,
    );
    const take = db.prepare(
      `INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, failure_reason, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
    );
    let run = 1000;
    for (let p = 0; p < 40; p++) {
      const planId = Number(plan.run(pick(artists), pick(songs), pick(venues), ).lastInsertRowid);
      let number = 0;
      for (let k = 0, n = 1 + Math.floor(random() * 6); k < n; k++) {
        const rehearsal = random() < 0.15;
        const goAt = T0 + Math.floor(random() * 50) * 60_000; // coarse, so GO times tie
        const outcome = pick(['pending', 'succeeded', 'failed', 'failed', 'aborted', 'interrupted'] as const);
        take.run(planId, rehearsal ? null : ++number, rehearsal ? 1 : 0, run++, goAt, random() < 0.1 ? null : goAt + Math.floor(random() * 5) * 30_000,
          outcome, outcome === 'failed' ? pick(['vocal', 'camera', 'sound']) : null, pick(['', '', 'Slip', 'slip at 2:13', '조명 늦음', '100% clean']), );
      }
    }
  })();
}

async function page(q: TakeQuery): Promise<{ total: number; rows: TakeRow[] }> {
  return h.ok('queryTakes', q);
}

/** Reads every row of a query in pages of `size`. */
async function allInPages(q: TakeQuery, size: number): Promise<TakeRow[]> {
  const rows: TakeRow[] = [];
  for (let offset = 0; ; offset += size) {
    const result = await page({ ...q, offset, limit: size });
    rows.push(...result.rows);
    if (offset + size >= result.total) return rows;
  }
}

/** Names sort case-insensitively; Hangul sorts by code point, which is dictionary order. */
const nocase = (s: string) => s.toLowerCase();
const compare = (a: string | number | null, b: string | number | null) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const keyOf: Record<(typeof TAKE_SORTS)[number], (t: TakeRow) => string | number | null> = {
  goAt: (t) => t.goAt,
  number: (t) => t.number,
  artist: (t) => nocase(t.artist),
  song: (t) => nocase(t.song),
  venue: (t) => (t.venue === '' ? null : nocase(t.venue)),
  outcome: (t) => t.outcome,
  duration: (t) => (t.endedAt === null ? null : t.endedAt - t.goAt),
  reason: (t) => t.failureReason,
  note: (t) => nocase(t.note),
};

describe('queryTakes sorting', () => {
  it.each(TAKE_SORTS.flatMap((sort) => (['asc', 'desc'] as const).map((direction) => [sort, direction] as const)))(
    'by %s %s: small pages and one big page agree, in the expected order',
    async (sort, direction) => {
      const whole = await page({ sort, direction, rehearsal: 'include', limit: 500 });
      expect(whole.total).toBeGreaterThan(60);
      const sign = direction === 'asc' ? 1 : -1;
      const expected = [...whole.rows].sort(
        (a, b) =>
          sign *
          (compare(keyOf[sort](a), keyOf[sort](b)) || (sort === 'outcome' ? compare(a.failureReason, b.failureReason) : 0) || compare(a.goAt, b.goAt) || compare(a.id, b.id)),
      );
      expect(whole.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));
      const paged = await allInPages({ sort, direction, rehearsal: 'include' }, 7);
      expect(paged.map((r) => r.id)).toEqual(expected.map((r) => r.id));
    },
  );

  it('keeps the order with a filter applied, walking or not', async () => {
    for (const sort of ['artist', 'venue', 'duration'] as const) {
      const q = { sort, direction: 'asc' as const, outcome: 'failed' as const };
      const whole = await page({ ...q, limit: 500 });
      expect((await allInPages(q, 3)).map((r) => r.id)).toEqual(whole.rows.map((r) => r.id));
      expect(whole.rows.every((r) => r.outcome === 'failed' && !r.rehearsal)).toBe(true);
    }
  });

  it('answers an offset past the end with the total and no rows', async () => {
    const { total } = await page({});
    expect(await page({ offset: total + 10 })).toEqual({ total, rows: [] });
  });
});

describe('queryTakes filters', () => {
  const ids = (rows: TakeRow[]) => rows.map((r) => r.id).sort((a, b) => a - b);
  const every = async (q: TakeQuery) => (await page({ ...q, limit: 500 })).rows;
  const stored = (where: string, ...params: unknown[]) =>
    (h.db.prepare(`SELECT t.id FROM takes t JOIN plans p ON p.id = t.plan_id WHERE ${where} ORDER BY t.id`).pluck().all(...params) as number[]);

  it('leaves rehearsals out unless asked, and can show only them', async () => {
    expect(ids(await every({}))).toEqual(stored('t.rehearsal = 0'));
    expect(ids(await every({ rehearsal: 'only' }))).toEqual(stored('t.rehearsal = 1'));
    expect(ids(await every({ rehearsal: 'include' }))).toEqual(stored('1'));
  });

  it('filters by artist, venue, outcome and GO time in [from, to)', async () => {
    const akmu = h.db.prepare("SELECT id FROM people WHERE name = 'AKMU'").pluck().get() as number;
    const kbs = h.db.prepare("SELECT id FROM venues WHERE name = 'KBS Hall'").pluck().get() as number;
    expect(ids(await every({ artistId: akmu }))).toEqual(stored('t.rehearsal = 0 AND p.artist_id = ?', akmu));
    expect(ids(await every({ venueId: kbs, outcome: 'failed' }))).toEqual(stored("t.rehearsal = 0 AND p.venue_id = ? AND t.outcome = 'failed'", kbs));
    const [from, to] = [T0 + 10 * 60_000, T0 + 20 * 60_000];
    const inRange = await every({ fromMs: from, toMs: to });
    expect(ids(inRange)).toEqual(stored('t.rehearsal = 0 AND t.go_at >= ? AND t.go_at < ?', from, to));
    expect(inRange.some((r) => r.goAt === from) && !inRange.some((r) => r.goAt === to)).toBe(true);
  });

  it('finds text in notes, marks and songs, case-insensitively, with % and _ taken literally', async () => {
    expect(ids(await every({ text: 'SLIP' }))).toEqual(stored("t.rehearsal = 0 AND lower(t.note) LIKE '%slip%'"));
    expect(ids(await every({ text: '100%' }))).toEqual(stored("t.rehearsal = 0 AND t.note = '100% clean'"));
    expect(await every({ text: '1_0' })).toEqual([]);
    expect(ids(await every({ text: '밤편'.normalize('NFD') }))).toEqual(stored("t.rehearsal = 0 AND p.song = '밤편지'"));
    const [first] = await every({ outcome: 'pending' });
    await h.ok('addTakeMark', { takeId: first!.id, note: '드론 그림자', atMs: 0 });
    expect(ids(await every({ text: '그림자' }))).toEqual([first!.id]);
  });

  it('says how many real takes each performance had', async () => {
    const rows = await every({ rehearsal: 'include' });
    for (const row of rows) {
      const count = h.db.prepare('SELECT count(*) FROM takes WHERE plan_id = ? AND rehearsal = 0').pluck().get(row.planId);
      expect({ id: row.id, attempts: row.attempts }).toEqual({ id: row.id, attempts: count });
    }
  });
});
