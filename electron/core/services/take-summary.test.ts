import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { Plan } from '../../../shared/schemas';
import { Harness, runToGo, T0 } from '../test-harness';

let h: Harness;
let plans: Map<string, Plan>;

beforeEach(async () => {
  h = new Harness({ demo: true });
  plans = new Map((await h.ok('listPlans', undefined)).map((p) => [p.song, p]));
});
afterEach(() => h.dispose());

/** Shoots one take of a demo song, `lengthMs` long, and logs its outcome. */
async function shoot(song: string, outcome: 'succeeded' | 'failed' | null, options: { lengthMs?: number; rehearsal?: boolean; reason?: 'vocal' | 'camera' } = {}) {
  const go = await runToGo(h, plans.get(song)!.id, options.rehearsal ?? false);
  h.clock.set(go.goAt! + (options.lengthMs ?? 200_000));
  await h.ok('countdownCommand', { type: 'end' });
  if (outcome) await h.ok('setTakeOutcome', { id: go.takeId!, outcome, ...(options.reason ? { failureReason: options.reason } : {}) });
  return go.takeId!;
}

describe('takeSummary', () => {
  beforeEach(async () => {
    await shoot('Love Lee', 'failed', { reason: 'vocal', lengthMs: 100_000 }); // AKMU needed two takes
    await shoot('Love Lee', 'succeeded', { lengthMs: 200_000 });
    await shoot('Ave Maria', 'succeeded', { lengthMs: 300_000 }); // Sumi Jo: right first time
    await shoot('Dreaming (꿈에)', 'failed', { reason: 'camera', lengthMs: 60_000 }); // Lena Park: one failed take so far
    await shoot('For You (너를 위해)', 'succeeded', { rehearsal: true, lengthMs: 10_000 }); // a rehearsal: left out
  });

  it('gives the first-take success rate, overall and by artist and venue, leaving rehearsals out', async () => {
    const s = await h.ok('takeSummary', {});
    expect(s).toMatchObject({ takes: 4, performances: 3, firstTakeSuccesses: 1, multiTakePerformances: 1, averageTakeMs: 165_000 });
    expect(s.firstTakeSuccessRate).toBeCloseTo(1 / 3);
    expect(s.byArtist.map((a) => [a.name, a.performances, a.firstTakeSuccesses, a.rate])).toEqual([
      ['AKMU', 1, 0, 0],
      ['Sumi Jo', 1, 1, 1],
      ['Lena Park', 1, 0, 0],
    ]);
    // Equal counts list in roster order.
    expect(s.byVenue.map((v) => [v.name, v.rate])).toEqual([
      ['KBS Hall', 0],
      ['National Museum of Korea', 1],
      ['National Museum of Modern and Contemporary Art', 0],
    ]);
    expect(s.failureReasons.filter((r) => r.count > 0)).toEqual([
      { reason: 'vocal', count: 1 },
      { reason: 'camera', count: 1 },
    ]);
    expect(s.outcomes.find((o) => o.outcome === 'succeeded')!.count).toBe(2);
  });

  it('follows the filters: a rehearsal-only summary has takes but no performances', async () => {
    const rehearsals = await h.ok('takeSummary', { rehearsal: 'only' });
    expect(rehearsals).toMatchObject({ takes: 1, performances: 0, firstTakeSuccessRate: null, averageTakeMs: 10_000 });
    const akmu = plans.get('Love Lee')!.artist.personId;
    expect(await h.ok('takeSummary', { artistId: akmu })).toMatchObject({ takes: 2, performances: 1, firstTakeSuccessRate: 0 });
    const nothing = await h.ok('takeSummary', { fromMs: T0 - 86_400_000, toMs: T0 });
    expect(nothing).toMatchObject({ takes: 0, performances: 0, firstTakeSuccessRate: null, averageTakeMs: null, byArtist: [] });
  });
});

describe('takeSummary right after GO', () => {
  it('counts a pending Take 1 as pending, neither a success nor a failure', async () => {
    await shoot('Love Lee', 'succeeded');
    const go = await runToGo(h, plans.get('Ave Maria')!.id, false);
    const s = await h.ok('takeSummary', {});
    expect(s).toMatchObject({ takes: 2, performances: 1, pendingPerformances: 1, firstTakeSuccesses: 1, firstTakeSuccessRate: 1 });
    expect(s.byArtist.map((a) => [a.name, a.performances, a.pending, a.rate])).toEqual([
      ['AKMU', 1, 0, 1],
      ['Sumi Jo', 0, 1, null],
    ]);
    await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'failed' });
    expect(await h.ok('takeSummary', {})).toMatchObject({ performances: 2, pendingPerformances: 0, firstTakeSuccessRate: 0.5 });
  });
});

describe('exportTakes', () => {
  it('writes every filtered take to CSV with a byte-order mark, Korean intact, formulas defused', async () => {
    const id = await shoot('For You (너를 위해)', 'failed', { reason: 'vocal' });
    await h.ok('setTakeOutcome', { id, outcome: 'failed', note: '=HYPERLINK("x") 음정 불안' });
    await h.ok('addTakeMark', { takeId: id, note: '후렴 시작', atMs: 62_000 });
    await shoot('Love Lee', 'succeeded');
    const file = await h.ok('exportTakes', { format: 'csv', utcOffsetMinutes: 540 });
    expect(file).toMatchObject({ filename: 'cuelight-takes-2026-11-26.csv', mime: 'text/csv;charset=utf-8' });
    expect(file.content.startsWith('\uFEFFtake_id,')).toBe(true);
    const lines = file.content.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('go (UTC+09:00)');
    const korean = lines.find((l) => l.includes('For You (너를 위해)'))!;
    expect(korean).toContain(`"'=HYPERLINK(""x"") 음정 불안"`);
    expect(korean).toContain('1:02 후렴 시작');
    expect(korean).toMatch(/2026-11-26 18:0\d:\d\d/);
  });

  it('names who logged each outcome as Settings named them then, though the name was set after GO', async () => {
    const go = await runToGo(h, plans.get('Ave Maria')!.id, false); // no crew name yet at GO
    await h.ok('updateSettings', { crewName: '김지호' });
    h.clock.set(go.goAt! + 7_600);
    await h.ok('countdownCommand', { type: 'end' });
    expect((await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'failed', failureReason: 'vocal' })).loggedBy).toBe('김지호');
    await h.ok('updateSettings', { crewName: 'Min' });
    await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'failed', note: 'note only: still logged by 김지호' });
    expect((await h.ok('getTake', { id: go.takeId! })).loggedBy).toBe('김지호');
    const file = await h.ok('exportTakes', { format: 'csv', utcOffsetMinutes: 0 });
    const [header, row] = file.content.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect(row![header!.indexOf('logged_by')]).toBe('김지호');
    await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'succeeded' });
    expect((await h.ok('getTakeHistory', { id: go.takeId! })).map((c) => c.changedBy)).toEqual(['김지호', 'Min']);
    expect((await h.ok('getTake', { id: go.takeId! })).loggedBy).toBe('Min');
  });

  it('writes a take\'s length by one rule in both columns: the whole seconds the take clock showed', async () => {
    await shoot('Ave Maria', 'succeeded', { lengthMs: 7_600 });
    const file = await h.ok('exportTakes', { format: 'csv', utcOffsetMinutes: 0 });
    const [header, row] = file.content.slice(1).trim().split('\r\n').map((l) => l.split(','));
    expect([row![header!.indexOf('length')], row![header!.indexOf('length_s')]]).toEqual(['0:07', '7']);
  });

  it('writes JSON that parses, with the filter it was made with and more rows than one page', async () => {
    for (let i = 0; i < 3; i++) await shoot('Ave Maria', i === 2 ? 'succeeded' : 'failed');
    const file = await h.ok('exportTakes', { format: 'json', outcome: 'failed', sort: 'number', direction: 'asc' });
    const parsed = JSON.parse(file.content) as { count: number; filter: Record<string, unknown>; takes: { number: number; song: string }[] };
    expect(parsed.filter).toMatchObject({ outcome: 'failed', rehearsal: 'exclude' });
    expect(parsed.takes.map((t) => [t.song, t.number])).toEqual([
      ['Ave Maria', 1],
      ['Ave Maria', 2],
    ]);
    expect(parsed.count).toBe(2);
  });
});
