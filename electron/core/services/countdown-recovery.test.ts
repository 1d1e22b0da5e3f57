import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import type { CountdownSnapshot, MethodInput } from '../../../shared/api';
import { Harness, T0, runToGo, takeRows } from '../test-harness';

let h: Harness;
let planId: number;

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id; // 90 s
});
afterEach(() => h.dispose());

const command = (input: MethodInput<'countdownCommand'>) => h.ok('countdownCommand', input);
const live = (s: CountdownSnapshot) => ({ phase: s.phase, deadline: s.deadline, remainingMs: s.remainingMs, run: s.run, planId: s.planId });

/** Closes the core and opens the same data dir again with a new clock at `at`. */
async function restartAt(at: number): Promise<CountdownSnapshot> {
  h.reopen(at);
  return h.ok('getCountdown', undefined);
}

describe('the countdown survives a restart', () => {
  it('a paused countdown comes back paused with the same time left', async () => {
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(20_000);
    const paused = await command({ type: 'pause' });
    expect(paused).toMatchObject({ phase: 'paused', remainingMs: 70_000, deadline: null });
    const after = await restartAt(h.clock.now());
    expect(live(after)).toEqual(live(paused));
    // The same state; only the host run's id (and its version count) is new after the restart.
    const sameState = ({ boot: _boot, version: _version, ...state }: typeof after) => state;
    expect(sameState(after)).toEqual(sameState(paused));
    expect(after.boot).not.toBe(paused.boot);
    h.clock.advance(3_600_000); // paused: an hour passing changes nothing
    expect((await h.ok('getCountdown', undefined)).remainingMs).toBe(70_000);
    expect(takeRows(h.db)).toEqual([]);
  });

  it('a resumed countdown comes back counting to the same deadline, and reaches GO there', async () => {
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(20_000);
    await command({ type: 'pause' });
    h.clock.advance(5_000);
    const resumed = await command({ type: 'resume' });
    expect(resumed.deadline).toBe(T0 + 95_000);
    const after = await restartAt(h.clock.now());
    expect(live(after)).toEqual(live(resumed));
    h.clock.advance(100_000);
    expect(takeRows(h.db)).toMatchObject([{ go_at: T0 + 95_000, recovered: 0, number: 1 }]);
  });

  it('an adjusted countdown keeps its new deadline', async () => {
    await command({ type: 'arm', planId });
    await command({ type: 'start' });
    h.clock.advance(10_000);
    const adjusted = await command({ type: 'adjust', deltaMs: 30_000 });
    expect(adjusted.deadline).toBe(T0 + 120_000);
    expect(live(await restartAt(h.clock.now()))).toEqual(live(adjusted));
    h.clock.set(T0 + 119_999);
    expect(takeRows(h.db)).toEqual([]);
    h.clock.set(T0 + 120_000);
    expect(takeRows(h.db)).toMatchObject([{ go_at: T0 + 120_000 }]);
  });

  it('an armed countdown adjusted in standby keeps its length', async () => {
    await command({ type: 'arm', planId });
    const adjusted = await command({ type: 'adjust', deltaMs: -30_000 });
    expect(adjusted).toMatchObject({ phase: 'standby', remainingMs: 60_000 });
    expect(live(await restartAt(h.clock.now()))).toEqual(live(adjusted));
    const started = await command({ type: 'start' });
    expect(started.deadline).toBe(h.clock.now() + 60_000);
  });

  it('keeps the stage message', async () => {
    await h.ok('setStageMessage', { text: '2분 후 시작' });
    expect((await restartAt(h.clock.now())).message).toBe('2분 후 시작');
  });
});

describe('restart recovery', () => {
  it('a zero that passed while the app was closed gets its GO at the deadline, marked recovered', async () => {
    await command({ type: 'arm', planId });
    const started = await command({ type: 'start' });
    h.clock.advance(30_000);
    h.close();
    const after = await restartAt(started.deadline! + 5 * 60_000);
    expect(after).toMatchObject({ phase: 'go', goAt: started.deadline, planId });
    const rows = takeRows(h.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ go_at: started.deadline, recovered: 1, outcome: 'pending', number: 1 });
    const take = await h.ok('getTake', { id: after.takeId! });
    expect(take).toMatchObject({ recovered: true, goAt: started.deadline, outcome: 'pending' });
  });

  it('recovers a rehearsal as a rehearsal', async () => {
    await command({ type: 'arm', planId, rehearsal: true });
    const started = await command({ type: 'start' });
    const after = await restartAt(started.deadline! + 1_000);
    expect(after).toMatchObject({ phase: 'go', rehearsal: true });
    expect(takeRows(h.db)).toMatchObject([{ rehearsal: 1, number: null, recovered: 1 }]);
  });

  it('a countdown still before zero at restart is not recovered: its GO is live', async () => {
    await command({ type: 'arm', planId });
    const started = await command({ type: 'start' });
    const after = await restartAt(T0 + 45_000);
    expect(after).toMatchObject({ phase: 'counting', deadline: started.deadline });
    h.clock.set(started.deadline! + 1);
    expect(takeRows(h.db)).toMatchObject([{ go_at: started.deadline, recovered: 0 }]);
  });

  it('a take that was running when the app stopped is shown as interrupted, for a person to resolve', async () => {
    const go = await runToGo(h, planId);
    h.clock.advance(60_000);
    await restartAt(h.clock.now() + 10_000);
    const take = await h.ok('getTake', { id: go.takeId! });
    expect(take).toMatchObject({ outcome: 'interrupted', endedAt: null, number: 1 });
    expect((await h.ok('listTakes', { outcome: 'interrupted' })).map((t) => t.id)).toEqual([go.takeId]);
    const resolved = await h.ok('setTakeOutcome', { id: go.takeId!, outcome: 'succeeded' });
    expect(resolved.outcome).toBe('succeeded');
  });

  it('leaves ended takes and takes already logged as they were', async () => {
    const first = await runToGo(h, planId);
    await command({ type: 'end' });
    const second = await runToGo(h, planId);
    await h.ok('setTakeOutcome', { id: second.takeId!, outcome: 'failed', failureReason: 'camera' });
    await restartAt(h.clock.now());
    expect((await h.ok('getTake', { id: first.takeId! })).outcome).toBe('pending');
    expect((await h.ok('getTake', { id: second.takeId! })).outcome).toBe('failed');
  });

  it('a second restart does not open another take for the same run', async () => {
    await command({ type: 'arm', planId });
    const started = await command({ type: 'start' });
    await restartAt(started.deadline! + 1_000);
    const after = await restartAt(started.deadline! + 2_000);
    expect(after).toMatchObject({ phase: 'go', goAt: started.deadline });
    expect(takeRows(h.db)).toHaveLength(1);
  });
});
