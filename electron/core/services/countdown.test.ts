import { describe, it, expect, afterEach } from 'vitest';
import type { MethodInput } from '../../../shared/api';
import type { ManualClock } from '../clock';
import { Harness, LateClock, T0, runToGo, takeRows } from '../test-harness';

let h: Harness;
afterEach(() => h.dispose());

async function setUp(clock?: ManualClock): Promise<number> {
  h = new Harness({ demo: true, ...(clock ? { clock } : {}) });
  const plans = await h.ok('listPlans', undefined);
  return plans.find((p) => p.song === 'Love Lee')!.id; // a 90-second countdown
}

const command = (input: MethodInput<'countdownCommand'>) => h.ok('countdownCommand', input);

describe('GO', () => {
  it('commits exactly one take at the deadline itself, pending, numbered 1', async () => {
    const planId = await setUp();
    await command({ type: 'arm', planId });
    const started = await command({ type: 'start' });
    expect(started).toMatchObject({ phase: 'counting', deadline: T0 + 90_000, startedAt: T0 });
    h.clock.advance(89_999);
    expect(takeRows(h.db)).toEqual([]);
    h.clock.advance(5_000);
    h.clock.advance(60_000);
    const rows = takeRows(h.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ plan_id: planId, go_at: T0 + 90_000, outcome: 'pending', number: 1, rehearsal: 0, recovered: 0 });
    expect(rows[0]).toMatchObject({ countdown_started_at: T0, ended_at: null });
    const snap = await h.ok('getCountdown', undefined);
    expect(snap).toMatchObject({ phase: 'go', goAt: T0 + 90_000, takeId: rows[0]!.id, artist: 'AKMU', song: 'Love Lee' });
  });

  it('announces GO only after its take is committed, so a display can open the take at once', async () => {
    const planId = await setUp();
    const seen: { phase: string; takeId: number | null; rows: number }[] = [];
    h.core.events.on('countdown', (snap) => seen.push({ phase: snap.phase, takeId: snap.takeId, rows: takeRows(h.db).length }));
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(91_000);
    const go = seen.filter((s) => s.phase === 'go');
    expect(go).toHaveLength(1);
    expect(go[0]).toEqual({ phase: 'go', takeId: takeRows(h.db)[0]!.id, rows: 1 });
  });

  it('dates the take at the deadline even when the host notices late', async () => {
    const planId = await setUp(new LateClock(T0, 700));
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(95_000);
    const rows = takeRows(h.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ go_at: T0 + 90_000, created_at: T0 + 90_700 });
  });

  it('numbers a second run of the same plan 2, and the plan counts two takes', async () => {
    const planId = await setUp();
    await runToGo(h, planId);
    await command({ type: 'end' });
    const second = await runToGo(h, planId);
    expect(takeRows(h.db).map((r) => r.number)).toEqual([1, 2]);
    expect((await h.ok('getTake', { id: second.takeId! })).number).toBe(2);
    expect((await h.ok('getPlan', { id: planId })).takeCount).toBe(2);
  });

  it('leaves a rehearsal unnumbered and does not shift the numbering of real takes', async () => {
    const planId = await setUp();
    const rehearsal = await runToGo(h, planId, true);
    expect(rehearsal.rehearsal).toBe(true);
    await command({ type: 'end' });
    await runToGo(h, planId);
    await command({ type: 'end' });
    await runToGo(h, planId, true);
    await command({ type: 'end' });
    await runToGo(h, planId);
    const rows = takeRows(h.db);
    expect(rows.map((r) => [r.rehearsal, r.number])).toEqual([
      [1, null],
      [0, 1],
      [1, null],
      [0, 2],
    ]);
    expect((await h.ok('getTake', { id: rows[0]!.id as number })).rehearsal).toBe(true);
    expect((await h.ok('getPlan', { id: planId })).takeCount).toBe(2);
  });

  it('Go now opens the take at the moment of the press', async () => {
    const planId = await setUp();
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(30_000);
    const snap = await command({ type: 'goNow' });
    expect(snap).toMatchObject({ phase: 'go', goAt: T0 + 30_000 });
    h.clock.advance(120_000);
    expect(takeRows(h.db)).toMatchObject([{ go_at: T0 + 30_000, number: 1 }]);
  });
});

describe('GO commits once when a command races the tick', () => {
  it('a pause that arrives after the deadline is refused, and there is one take', async () => {
    const planId = await setUp();
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(90_001);
    const error = await h.refused('countdownCommand', { type: 'pause' });
    expect(error.code).toBe('conflict');
    expect(takeRows(h.db)).toHaveLength(1);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
  });

  it('when the timer has not fired yet, the command commits the GO first, then is refused', async () => {
    const planId = await setUp(new LateClock(T0, 10_000)); // the tick is 10 s late
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(90_500);
    expect(takeRows(h.db)).toHaveLength(0);
    expect((await h.refused('countdownCommand', { type: 'pause' })).code).toBe('conflict');
    expect(takeRows(h.db)).toMatchObject([{ go_at: T0 + 90_000, number: 1 }]);
    h.clock.advance(20_000); // the late timer, had it survived, must not add a take
    expect(takeRows(h.db)).toHaveLength(1);
  });

  it('a Go now pressed just after zero keeps the GO at zero and opens no second take', async () => {
    const planId = await setUp(new LateClock(T0, 10_000));
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(90_300);
    const snap = await command({ type: 'goNow' });
    expect(snap.goAt).toBe(T0 + 90_000);
    h.clock.advance(20_000);
    expect(takeRows(h.db)).toMatchObject([{ go_at: T0 + 90_000 }]);
  });
});

describe('end and reset', () => {
  it('end records when the take ended', async () => {
    const planId = await setUp();
    const go = await runToGo(h, planId);
    h.clock.set(go.goAt! + 240_000);
    const snap = await command({ type: 'end' });
    expect(snap).toMatchObject({ phase: 'ended', endedAt: go.goAt! + 240_000 });
    expect(takeRows(h.db)[0]).toMatchObject({ ended_at: go.goAt! + 240_000, outcome: 'pending' });
  });

  it('reset during a take keeps the take in the log, ended and aborted', async () => {
    const planId = await setUp();
    const go = await runToGo(h, planId);
    h.clock.advance(10_000);
    const snap = await command({ type: 'reset' });
    expect(snap).toMatchObject({ phase: 'idle', takeId: null });
    const take = await h.ok('getTake', { id: go.takeId! });
    expect(take).toMatchObject({ outcome: 'aborted', endedAt: h.clock.now(), number: 1 });
    expect(h.db.prepare('SELECT before_outcome, after_outcome FROM take_outcome_history').all()).toEqual([
      { before_outcome: 'pending', after_outcome: 'aborted' },
    ]);
  });

  it('reset before zero opens no take', async () => {
    const planId = await setUp();
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(60_000);
    await command({ type: 'reset' });
    h.clock.advance(60_000);
    expect(takeRows(h.db)).toEqual([]);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('idle');
  });

  it('a refused command changes nothing', async () => {
    const planId = await setUp();
    await command({ type: 'arm', planId });
    const before = await h.ok('getCountdown', undefined);
    const error = await h.refused('countdownCommand', { type: 'adjust', deltaMs: -89_500 });
    expect(error.code).toBe('conflict');
    expect(await h.ok('getCountdown', undefined)).toEqual(before);
  });
});
