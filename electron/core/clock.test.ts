import { describe, expect, it } from 'vitest';
import { preciseWallClock } from './clock';

/** A wall clock that floors to the ms, as Date.now() does, over a monotonic clock in ns. */
function fakeClocks() {
  let trueWallNs = 1_796_000_000_000_000_000n + 400_000n; // 0.4 ms into a millisecond
  let monoNs = 5_000_000_000n;
  return {
    wall: () => {
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
  };
}

describe('precise wall clock for clock sync', () => {
  it('reads the wall clock to a few microseconds, not floored to the millisecond', () => {
    const clocks = fakeClocks();
    const now = preciseWallClock(clocks.wall, clocks.mono);
    now();
    clocks.pass(123_456_789n);
    const reading = now();
    expect(Number.isInteger(reading)).toBe(false);
    expect(Math.abs(reading - clocks.trueMs())).toBeLessThan(0.01);
  });

  it('follows a step of the wall clock (an NTP step) at the next reading', () => {
    const clocks = fakeClocks();
    const now = preciseWallClock(clocks.wall, clocks.mono);
    now();
    clocks.pass(10_000_000n);
    clocks.step(2_000_000_000n); // +2 s
    expect(Math.abs(now() - clocks.trueMs())).toBeLessThan(0.01);
  });
});
