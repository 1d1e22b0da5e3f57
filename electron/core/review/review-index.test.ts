import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { ReviewFilter, TakeSort, TakeSummary } from '../../../shared/contract/takes';
import { SUMMARY_GROUPS, TAKE_SORTS } from '../../../shared/contract/takes';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import { Harness, runToGo, T0 } from '../test-harness';
import { TakeReview } from './review-thread';
import { ChangeNotes } from './change-notes';
import Database from 'better-sqlite3';
import path from 'node:path';
import { DB_FILE } from '../db/open';

// The review answers from memory. These tests change the store every way it can change (through
// the API, through plain SQL, in a transaction that rolls back) and check each answer against one
// worked out from scratch from the tables: the memory must never show what the store does not hold.

let h: Harness;
let state = 11;
const random = () => (state = (state * 48271) % 2147483647) / 2147483647;
const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

beforeEach(() => {
  state = 11;
  h = new Harness({ demo: true });
});
afterEach(() => h.dispose());

interface Stored {
  id: number;
  plan: number;
  number: number | null;
  rehearsal: number;
  goAt: number;
  endedAt: number | null;
  outcome: string;
  reason: string | null;
  note: string;
  artistId: number;
  venueId: number | null;
  artist: string;
  alt: string;
  song: string;
  venue: string | null;
  marks: string | null;
}

/** Every take as the tables hold it now. */
function stored(): Stored[] {
  return h.db
    .prepare(
      `SELECT t.id, t.plan_id AS plan, t.number, t.rehearsal, t.go_at AS goAt, t.ended_at AS endedAt, t.outcome,
         t.failure_reason AS reason, t.note, p.artist_id AS artistId, p.venue_id AS venueId, a.name AS artist,
         a.name_alt AS alt, p.song, v.name AS venue,
         (SELECT group_concat(note, char(10)) FROM take_marks m WHERE m.take_id = t.id) AS marks
       FROM takes t JOIN plans p ON p.id = t.plan_id JOIN people a ON a.id = p.artist_id LEFT JOIN venues v ON v.id = p.venue_id`,
    )
    .all() as Stored[];
}

const lower = (s: string | null) => (s ?? '').toLowerCase();

function expectedMatches(takes: Stored[], f: ReviewFilter): Stored[] {
  const rehearsal = f.rehearsal ?? 'exclude';
  const text = lower(f.text ?? '');
  return takes.filter(
    (t) =>
      (rehearsal === 'include' || t.rehearsal === (rehearsal === 'only' ? 1 : 0)) &&
      (f.artistId === undefined || t.artistId === f.artistId) &&
      (f.venueId === undefined || t.venueId === f.venueId) &&
      (f.outcome === undefined || t.outcome === f.outcome) &&
      (f.fromMs === undefined || t.goAt >= f.fromMs) &&
      (f.toMs === undefined || t.goAt < f.toMs) &&
      (!text || [t.note, t.marks, t.song, t.artist, t.alt].some((s) => lower(s).includes(text))),
  );
}

type Key = string | number | null;
const cmp = (a: Key, b: Key) => (a === b ? 0 : a === null ? -1 : b === null ? 1 : a < b ? -1 : 1);
const keys: Record<TakeSort, (t: Stored) => Key[]> = {
  goAt: () => [],
  number: (t) => [t.number],
  artist: (t) => [lower(t.artist)],
  song: (t) => [lower(t.song)],
  venue: (t) => [t.venue === null ? null : lower(t.venue)],
  outcome: (t) => [t.outcome, t.reason],
  duration: (t) => [t.endedAt === null ? null : t.endedAt - t.goAt],
  reason: (t) => [t.reason],
  note: (t) => [lower(t.note)],
};

function expectedOrder(takes: Stored[], sort: TakeSort, direction: 'asc' | 'desc'): number[] {
  const full = (t: Stored) => [...keys[sort](t), t.goAt, t.id];
  const sign = direction === 'asc' ? 1 : -1;
  return [...takes]
    .sort((a, b) => {
      const [ka, kb] = [full(a), full(b)];
      for (let i = 0; i < ka.length; i++) if (cmp(ka[i]!, kb[i]!) !== 0) return sign * cmp(ka[i]!, kb[i]!);
      return 0;
    })
    .map((t) => t.id);
}

function expectedSummary(takes: Stored[]): Pick<TakeSummary, 'takes' | 'performances' | 'pendingPerformances' | 'firstTakeSuccesses' | 'multiTakePerformances' | 'averageTakeMs' | 'failureReasons' | 'outcomes'> {
  const ended = takes.filter((t) => t.endedAt !== null);
  const firsts = takes.filter((t) => t.number === 1 && t.outcome !== 'pending');
  return {
    takes: takes.length,
    performances: firsts.length,
    pendingPerformances: takes.filter((t) => t.number === 1 && t.outcome === 'pending').length,
    firstTakeSuccesses: firsts.filter((t) => t.outcome === 'succeeded').length,
    multiTakePerformances: takes.filter((t) => t.number === 2).length,
    averageTakeMs: ended.length === 0 ? null : ended.reduce((sum, t) => sum + (t.endedAt! - t.goAt), 0) / ended.length,
    failureReasons: FAILURE_REASONS.map((reason) => ({ reason, count: takes.filter((t) => t.outcome === 'failed' && t.reason === reason).length })),
    outcomes: OUTCOMES.map((outcome) => ({ outcome, count: takes.filter((t) => t.outcome === outcome).length })),
  };
}

/** Asks the review the same questions the oracle answers, for a spread of filters and every sort. */
async function expectAgreement(label: string): Promise<void> {
  const takes = stored();
  const artists = [...new Set(takes.map((t) => t.artistId))];
  const venues = [...new Set(takes.flatMap((t) => (t.venueId === null ? [] : [t.venueId])))];
  const filters: ReviewFilter[] = [
    {},
    { rehearsal: 'include' },
    { rehearsal: 'only' },
    { outcome: pick(OUTCOMES) },
    { artistId: pick(artists) },
    ...(venues.length ? [{ venueId: pick(venues) }] : []),
    { fromMs: T0 + 20 * 60_000, toMs: T0 + 40 * 60_000 },
    { text: pick(['slip', 'SLIP', '그림자', 'love', '100%', 'a_b', '밤']) },
  ];
  for (const f of filters) {
    const matching = expectedMatches(takes, f);
    const sort = pick(TAKE_SORTS);
    const direction = pick(['asc', 'desc'] as const);
    const page = await h.ok('queryTakes', { ...f, sort, direction, limit: 500 });
    expect({ label, f, sort, direction, ids: page.rows.map((r) => r.id) }).toEqual({ label, f, sort, direction, ids: expectedOrder(matching, sort, direction).slice(0, 500) });
    expect(page.total).toBe(matching.length);
    const summary = await h.ok('takeSummary', f);
    expect({ label, f, ...summary }).toMatchObject({ label, f, ...expectedSummary(matching) });
    expect(summary.byArtist.length).toBeLessThanOrEqual(SUMMARY_GROUPS);
  }
}

describe('the review follows every change the store commits', () => {
  it('through the API, through plain SQL, and not a rolled-back change', async () => {
    const plans = (await h.ok('listPlans', undefined)).map((p) => p.id);
    const people = (await h.ok('listPeople', undefined)).map((p) => p.id);
    const venues = (await h.ok('listVenues', undefined)).map((v) => v.id);
    const shot: number[] = [];
    let renames = 0;
    const shoot = async () => {
      const go = await runToGo(h, pick(plans), random() < 0.2);
      if (random() < 0.8) {
        h.clock.set(go.goAt! + Math.floor(random() * 300) * 1000);
        await h.ok('countdownCommand', { type: 'end' });
      } else await h.ok('countdownCommand', { type: 'reset' });
      shot.push(go.takeId!);
    };
    for (let i = 0; i < 12; i++) await shoot();
    await expectAgreement('before any change'); // builds the index

    const steps: [string, () => Promise<void> | void][] = [
      ['shoot a take', shoot],
      ['log an outcome', async () => {
        const outcome = pick(['succeeded', 'failed', 'aborted'] as const);
        await h.ok('setTakeOutcome', { id: pick(shot), outcome, ...(outcome === 'failed' ? { failureReason: pick(FAILURE_REASONS) } : {}), note: pick(['', 'Slip at 2:13', '조명 늦음', '100% clean']) });
      }],
      ['add a mark', async () => void (await h.ok('addTakeMark', { takeId: pick(shot), note: pick(['드론 그림자', 'dancer slip', 'mic pop']), atMs: 0 }))],
      ['edit a mark', async () => {
        const mark = h.db.prepare('SELECT id FROM take_marks ORDER BY random() LIMIT 1').pluck().get() as number | undefined;
        if (mark) await h.ok('updateTakeMark', { id: mark, note: pick(['a_b', 'camera 2 late']) });
      }],
      ['delete a mark', async () => {
        const mark = h.db.prepare('SELECT id FROM take_marks ORDER BY random() LIMIT 1').pluck().get() as number | undefined;
        if (mark) await h.ok('deleteTakeMark', { id: mark });
      }],
      ['rename an artist', async () => {
        const id = pick(people);
        const person = (await h.ok('listPeople', undefined)).find((p) => p.id === id)!;
        const { id: _id, ...rest } = person;
        await h.ok('updatePerson', { id, person: { ...rest, name: `${pick(['Zelda', 'aaron', '아이유', 'love'])} ${++renames}` } });
      }],
      ['rename a venue in SQL', () => void h.db.prepare('UPDATE venues SET name = ? WHERE id = ?').run(pick(['Apollo', 'zenith hall', '세종문화회관']), pick(venues))],
      ['move a performance to another artist and venue in SQL', () =>
        void h.db.prepare('UPDATE plans SET artist_id = ?, venue_id = ?, song = ? WHERE id = ?').run(pick(people), pick([...venues, null]), pick(['밤편지', 'Love wins', 'Zebra']), pick(plans))],
      ['edit a take in SQL', () => void h.db.prepare('UPDATE takes SET note = ?, ended_at = NULL WHERE id = ?').run('SLIP on stairs', pick(shot))],
      ['a change that rolls back', () => {
        expect(() =>
          h.db.transaction(() => {
            h.db.prepare("UPDATE takes SET outcome = 'succeeded', note = 'never saved slip'").run();
            h.db.prepare("UPDATE people SET name = 'ghost'").run();
            throw new Error('rolled back');
          })(),
        ).toThrow('rolled back');
      }],
    ];
    for (let i = 0; i < 40; i++) {
      const [label, step] = pick(steps);
      await step();
      if (i % 2 === 1) await expectAgreement(`after step ${i}: ${label}`);
    }
  });

  it('shows a take logged while it was open on the very next page', async () => {
    const plan = (await h.ok('listPlans', undefined))[0]!.id;
    const first = await runToGo(h, plan);
    await h.ok('countdownCommand', { type: 'end' });
    expect((await h.ok('queryTakes', {})).rows.map((r) => r.outcome)).toEqual(['pending']);
    await h.ok('setTakeOutcome', { id: first.takeId!, outcome: 'failed', failureReason: 'camera' });
    const second = await runToGo(h, plan);
    const page = await h.ok('queryTakes', { sort: 'number', direction: 'desc' });
    expect(page.rows.map((r) => [r.id, r.number, r.outcome])).toEqual([
      [second.takeId, 2, 'pending'],
      [first.takeId, 1, 'failed'],
    ]);
    expect((await h.ok('takeSummary', {})).multiTakePerformances).toBe(1);
  });

  it('reads a large log in its thread while the store keeps changing, and misses nothing', async () => {
    const [plan] = (await h.ok('listPlans', undefined)).map((p) => p.id);
    const artist = h.db.prepare('SELECT artist_id FROM plans WHERE id = ?').pluck().get(plan) as number;
    const insert = h.db.prepare(
      `INSERT INTO takes (plan_id, number, rehearsal, run, go_at, ended_at, outcome, note, created_at)
       VALUES (?, ?, 0, ?, ?, ?, ?, ?, 0)`,
    );
    let run = 0;
    h.db.transaction(() => {
      for (let i = 0; i < 9_000; i++) insert.run(plan, i + 1, ++run, T0 + i * 1000, T0 + i * 1000 + 90_000, pick(OUTCOMES), pick(['', 'slip']));
    })();
    const warming = TakeReview.of(h.db).warm();
    let done = false;
    void warming.finally(() => (done = true));
    const writes = [
      () => insert.run(plan, null, ++run, T0 - 5_000, null, 'pending', 'newest slip'), // a take past what was read
      () => h.db.prepare("UPDATE takes SET outcome = 'failed', failure_reason = 'vocal' WHERE id = 2").run(), // one already read
      () => h.db.prepare("UPDATE takes SET note = 'SLIP late' WHERE id = 4900").run(), // one not read yet
      () => {
        // A performance planned while the thread reads, with a take.
        const id = Number(h.db.prepare(
          `INSERT INTO plans (artist_id, song, countdown_ms, warning_ms, danger_ms, run_order, created_at, updated_at)
           VALUES (?, 'Between Slices', 60000, 30000, 10000, 99, 0, 0)`,
        ).run(artist).lastInsertRowid);
        insert.run(id, 1, ++run, T0 + 3_000, T0 + 63_000, 'succeeded', '');
      },
    ];
    let written = 0;
    while (!done) {
      writes[written % writes.length]!();
      written++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await warming;
    expect(written).toBeGreaterThan(4); // the loop went on while the thread read, and every kind of write came in meanwhile
    await expectAgreement('after warming up');
    const between = await h.ok('queryTakes', { text: 'between slices' });
    expect(between.total).toBe(h.db.prepare("SELECT count(*) FROM plans WHERE song = 'Between Slices'").pluck().get());
    expect((await h.ok('queryTakes', { artistId: artist, text: 'between slices' })).total).toBe(between.total);
  });

  it('sees commits made by another connection to the same file (a tool, another process)', async () => {
    const plan = (await h.ok('listPlans', undefined))[0]!.id;
    const go = await runToGo(h, plan);
    await h.ok('countdownCommand', { type: 'end' });
    expect((await h.ok('queryTakes', {})).total).toBe(1);
    const other = new Database(path.join(h.dataDir, DB_FILE));
    try {
      other.prepare("UPDATE takes SET outcome = 'failed', failure_reason = 'sound' WHERE id = ?").run(go.takeId);
      other.prepare("INSERT INTO takes (plan_id, number, run, go_at, created_at) VALUES (?, 2, 999, ?, 0)").run(plan, T0);
    } finally {
      other.close();
    }
    await expectAgreement('after another connection wrote');
    expect((await h.ok('queryTakes', { outcome: 'failed' })).rows.map((r) => r.id)).toEqual([go.takeId]);
  });

  it('recovers when its notes were created in a transaction that rolled back', () => {
    const db = new Database(path.join(h.dataDir, DB_FILE)); // a connection that has never watched
    try {
      let notes: ChangeNotes | undefined;
      expect(() =>
        db.transaction(() => {
          notes = new ChangeNotes(db);
          throw new Error('rolled back');
        })(),
      ).toThrow('rolled back');
      expect(notes!.read()).toBe('everything'); // its table went with the rollback: read everything again
      db.prepare("UPDATE people SET name = 'Renamed' WHERE id = (SELECT min(id) FROM people)").run();
      const next = notes!.read();
      expect(next !== 'everything' && next.people.size).toBe(1); // and it watches again
    } finally {
      db.close();
    }
  });
});
