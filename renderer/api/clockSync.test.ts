import { describe, expect, it } from 'vitest';
import { ClockSync, type ClockSample } from './clockSync';

/** A ping leaving the page at `at` (page ms) to a host `offset` ms ahead, `up` ms out and `down` ms back. */
function ping(at: number, offset: number, up: number, down: number): ClockSample {
  return { t0: at, hostNow: at + up + offset, t1: at + up + down };
}

/** A small seeded generator, so a "random" network is the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

const OFFSET = 5_000.25; // the host runs five seconds ahead of the page (not a whole ms: sub-ms stamps)

/** One ping a second for `seconds`, from page time `from`, with jittered delays. */
function feed(sync: ClockSync, from: number, seconds: number, up: () => number, down: () => number, offset = OFFSET) {
  const changes = [];
  for (let i = 0; i < seconds; i++) changes.push(sync.add(ping(from + i * 1000, offset, up(), down())));
  return changes;
}

describe('clock sync', () => {
  it('takes the host offset from the tightest sample: a slow reply, however recent, does not move it', () => {
    const sync = new ClockSync();
    sync.add(ping(1000, OFFSET, 50, 50)); // ± 50
    sync.add(ping(2000, OFFSET, 1, 1)); // ± 1
    expect(sync.offset).toBeCloseTo(OFFSET, 1);
    expect(sync.uncertainty).toBeLessThan(1.5);
    expect(sync.add(ping(3000, OFFSET, 60, 2))).toBe('none'); // its midpoint says +29
    expect(sync.offset).toBeCloseTo(OFFSET, 1);
  });

  it('is as tight as the fastest way up and the fastest way down, even when seen in different pings', () => {
    const sync = new ClockSync();
    sync.add(ping(1000, OFFSET, 1, 10)); // alone: ± 5.5
    sync.add(ping(2000, OFFSET, 10, 1)); // alone: ± 5.5
    expect(sync.uncertainty).toBeLessThan(1.5);
    expect(Math.abs(sync.offset - OFFSET)).toBeLessThanOrEqual(sync.uncertainty);
  });

  it('keeps the true offset within its bounds on an asymmetric, jittery path', () => {
    const rand = random(7);
    const sync = new ClockSync();
    for (let i = 0; i < 120; i++) {
      sync.add(ping(i * 1000, OFFSET, 2 + (rand() * 2 - 1), 8 + (rand() * 6 - 3)));
      expect(Math.abs(sync.offset - OFFSET)).toBeLessThanOrEqual(sync.uncertainty);
    }
    expect(sync.uncertainty).toBeLessThan(4); // about half the fastest round trip (1 + 5 ms)
  });

  it('rides out a minute of pings all delayed by 100 ms without moving or widening', () => {
    const rand = random(11);
    const sync = new ClockSync();
    feed(sync, 0, 30, () => 2 + rand(), () => 8 + rand() * 3);
    const good = { offset: sync.offset, uncertainty: sync.uncertainty };
    const changes = feed(sync, 30_000, 60, () => 102 + rand(), () => 108 + rand() * 3);
    expect(changes.every((c) => c === 'none')).toBe(true);
    expect(sync.offset).toBe(good.offset);
    // Only the drift allowance for the best sample's age (15 ppm of a minute) is added.
    expect(sync.uncertainty - good.uncertainty).toBeLessThan(1);
  });

  it('detects a host clock step and re-estimates from the new sample at once', () => {
    const sync = new ClockSync();
    feed(sync, 0, 20, () => 1, () => 1);
    // The host's clock jumps 2 s ahead; the first sample after it is a slow one.
    expect(sync.add(ping(20_000, OFFSET + 2000, 30, 30))).toBe('step');
    expect(Math.abs(sync.offset - (OFFSET + 2000))).toBeLessThanOrEqual(sync.uncertainty);
    expect(sync.add(ping(21_000, OFFSET + 2000, 1, 1))).toBe('refined');
    expect(sync.offset).toBeCloseTo(OFFSET + 2000, 0);
    expect(sync.uncertainty).toBeLessThan(1.5);
  });

  it('forgets every sample on reconnect: a restarted host is followed even by a slower sample', () => {
    const sync = new ClockSync();
    feed(sync, 0, 10, () => 0.5, () => 0.5);
    sync.reset();
    // Until the new host answers, the last estimate stands, marked as not synced.
    expect(sync.synced).toBe(false);
    expect(sync.offset).toBeCloseTo(OFFSET, 0);
    // The new host's clock is 300 ms behind the old one's: within the old sample's slack of a
    // slow reply, so without the reset the old tight sample would keep winning.
    sync.add(ping(10_000, OFFSET - 300, 400, 400));
    expect(sync.synced).toBe(true);
    expect(sync.offset).toBeCloseTo(OFFSET - 300, 0);
  });

  it('forgets samples older than it keeps, so a drifting clock is followed', () => {
    const sync = new ClockSync({ keepMs: 3_000 });
    sync.add(ping(0, OFFSET, 0.5, 0.5));
    feed(sync, 10_000, 3, () => 4, () => 4, OFFSET + 3);
    expect(sync.offset).toBeCloseTo(OFFSET + 3, 0);
    expect(sync.uncertainty).toBeLessThan(5);
  });

  it('uses the initial offset until the first sample', () => {
    expect(new ClockSync({ initialOffset: 42 }).offset).toBe(42);
    expect(new ClockSync().uncertainty).toBe(0);
  });
});
