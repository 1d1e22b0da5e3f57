/** Time as the core sees it: host epoch milliseconds, plus timers that a manual clock can fire. */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  /** The same time with sub-millisecond resolution, for displays' clock sync; absent when a clock counts whole ms. */
  preciseNow?(): number;
}

/**
 * Wall time to a microsecond: the monotonic hrtime elapsed since a moment when Date.now() ticked.
 * Date.now() floors to the ms, so a right reading lies in [Date.now(), Date.now() + 1); outside
 * it the wall clock was stepped or slewed away, and the anchor is taken again on the next tick.
 */
export function preciseWallClock(wall: () => number = Date.now, mono: () => bigint = process.hrtime.bigint): () => number {
  let anchorWall = 0;
  let anchorMono = 0n;
  const anchor = () => {
    const start = wall();
    let now = start;
    while (now === start) now = wall(); // at most a millisecond, and only when the wall clock moved
    anchorWall = now;
    anchorMono = mono();
  };
  return () => {
    if (anchorMono === 0n) anchor(); // lazily: importing this module must not spin
    const precise = anchorWall + Number(mono() - anchorMono) / 1e6;
    const floor = wall();
    if (precise >= floor && precise < floor + 1) return precise;
    anchor();
    return anchorWall;
  };
}

const preciseNow = preciseWallClock();

export const systemClock: Clock = {
  now: () => Date.now(),
  preciseNow,
  setTimer(fn, ms) {
    const handle = setTimeout(fn, Math.max(0, ms));
    return () => clearTimeout(handle);
  },
};

interface Pending {
  at: number;
  fn: () => void;
}

/** A clock that moves only when told to: for tests, and for the host's --test-clock mode. */
export class ManualClock implements Clock {
  private pending = new Set<Pending>();
  constructor(private current: number) {}

  now(): number {
    return this.current;
  }

  setTimer(fn: () => void, ms: number): () => void {
    const entry = { at: this.current + Math.max(0, ms), fn };
    this.pending.add(entry);
    return () => this.pending.delete(entry);
  }

  /** Moves time forward, firing due timers in time order, each with the clock at its due time. */
  advance(ms: number): void {
    this.set(this.current + ms);
  }

  /** Jumps to `target`, firing timers due on the way; a test may also move time back to a fixed start. */
  set(target: number): void {
    for (;;) {
      const due = [...this.pending].filter((p) => p.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending.delete(due);
      this.current = Math.max(this.current, due.at);
      due.fn();
    }
    this.current = target;
  }
}
