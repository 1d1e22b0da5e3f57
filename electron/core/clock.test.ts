import { describe, expect, it } from 'vitest';
import { preciseWallClock } from './clock';

/** A wall clock that floors to the ms, as Date.now() does, over a monotonic clock in ns. */
function fakeClocks() {
  let trueWallNs = 1_796_000_000_000_000_000n + 400_000n; // 0.4 ms into a millisecond
  let monoNs = 5_000_000_000n;
  let reads = 0;
  return {
    reads: () => reads,
    wall: () => {
      reads++;
      trueWallNs += 1_000n; // every reading takes a microsecond (so a spin ends)
      monoNs += 1_000n;
      return Number(trueWallNs / 1_000_000n);
    },
    mono: () => monoNs,
    pass(ns: bigint) {
      trueWallNs += ns;
      monoNs += ns;
    },
    step(ns: bigint) {
      trueWallNs += ns;
    },
    trueMs: () => Number(trueWallNs) / 1e6,
    /** To `ns` past the next millisecond's tick. */
    toAfterTick(ns: bigint) {
      this.pass(1_000_000n - (trueWallNs % 1_000_000n) + ns);
    },
  };
}

/** A precise clock over fake clocks, read once (anchored) before the test moves time. */
function anchored() {
  const clocks = fakeClocks();
  const now = preciseWallClock(clocks.wall, clocks.mono);
  now();
  return { clocks, now };
}

describe('precise wall clock for clock sync', () => {
  it('reads the wall clock to a few microseconds, not floored to the millisecond', () => {
    const { clocks, now } = anchored();
    clocks.pass(123_456_789n);
    const reading = now();
    expect(Number.isInteger(reading)).toBe(false);
    expect(Math.abs(reading - clocks.trueMs())).toBeLessThan(0.01);
  });

  it('does not spin to the next millisecond when a reading lands just after a tick, a few microseconds behind', () => {
    const { clocks, now } = anchored();
    clocks.step(10_000n); // the anchor saw its tick 10 µs late: every reading is 10 µs behind
    clocks.toAfterTick(2_000n);
    const before = clocks.reads();
    const reading = now();
    expect(clocks.reads() - before).toBeLessThan(5); // not ~1,000 reads spinning to the next tick
    expect(clocks.trueMs() - reading).toBeGreaterThanOrEqual(0); // behind, so never early
    expect(clocks.trueMs() - reading).toBeLessThan(0.02);
  });

  it('anchors again when a reading falls well behind the wall clock (a small step forward)', () => {
    const { clocks, now } = anchored();
    clocks.pass(3_000_000n);
    clocks.step(300_000n); // +0.3 ms
    clocks.toAfterTick(100_000n);
    expect(Math.abs(now() - clocks.trueMs())).toBeLessThan(0.01);
  });

  it('follows a step of the wall clock (an NTP step) at the next reading', () => {
    const { clocks, now } = anchored();
    clocks.pass(10_000_000n);
    clocks.step(2_000_000_000n); // +2 s
    expect(Math.abs(now() - clocks.trueMs())).toBeLessThan(0.01);
  });
});
