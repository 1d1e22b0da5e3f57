import { describe, expect, it } from 'vitest';
import { ownStallMaxMs, recordStalls } from './loop-stall';

const busy = (ms: number) => {
  const until = performance.now() + ms;
  while (performance.now() < until);
};
const turn = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('recordStalls', () => {
  it('records a loop held for 40 ms, with the moment it began', async () => {
    const stalls = recordStalls(2, 10);
    await turn(5);
    const before = performance.timeOrigin + performance.now();
    busy(40);
    await turn(5);
    const [longest] = stalls.take();
    expect(longest!.ms).toBeGreaterThanOrEqual(40);
    expect(longest!.at).toBeLessThanOrEqual(before + 1);
    expect(longest!.at).toBeGreaterThan(before - 40);
    expect(stalls.take().length, 'take() starts afresh').toBe(0);
  });
});

describe('ownStallMaxMs', () => {
  it('counts none of a stall the bare loop beside the host had too', () => {
    expect(ownStallMaxMs([{ at: 1000, ms: 30 }], [{ at: 999, ms: 32 }])).toBe(0);
  });

  it('counts the host’s stall where the bare loop ran on', () => {
    // 30 ms held: the machine stopped both for the first 10, the host's own work held it 20 more.
    expect(ownStallMaxMs([{ at: 1000, ms: 30 }], [{ at: 995, ms: 15 }])).toBe(20);
    expect(ownStallMaxMs([{ at: 1000, ms: 8 }, { at: 2000, ms: 25 }], [])).toBe(25);
  });

  it('adds up the bare loop’s stalls within one of the host’s', () => {
    expect(ownStallMaxMs([{ at: 0, ms: 30 }], [{ at: 0, ms: 10 }, { at: 12, ms: 10 }])).toBe(10);
  });
});
