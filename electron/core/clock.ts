/** Time as the core sees it: host epoch milliseconds, plus timers that a manual clock can fire. */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
  /** The same time with sub-millisecond resolution, for displays' clock sync; absent when a clock counts whole ms. */
  preciseNow?(): number;
}

/**
 * How far a reading may sit below Date.now()'s floor and still be kept. The anchor sees the tick a
 * little after it happened, so readings run a microsecond or so behind, and just after each tick
 * they fall below the floor: taking that for a step would spin to the next tick (up to 1 ms) every
 * time a caller crosses a millisecond, as the firing thread's last wait before zero always does.
 * Behind by this much makes a moment this much late, never early.
 */
const BEHIND_SLACK_MS = 0.05;
const ANCHOR_TICKS = 3;

/**
 * Wall time to a microsecond: the monotonic hrtime elapsed since a moment when Date.now() ticked.
 * Date.now() floors to the ms, so a right reading lies in [Date.now(), Date.now() + 1); outside
 * it (beyond the anchor's own slack) the wall clock was stepped or slewed away, and the anchor is
 * taken again on the next tick.
 */
export function preciseWallClock(wall: () => number = Date.now, mono: () => bigint = process.hrtime.bigint): () => number {
  let anchorWall = 0;
  let anchorMono = 0n;
  /**
   * Anchors on the next few ticks of Date.now() (at most a few ms, and only at start or when the
   * wall clock moved) and keeps the one seen soonest: a thread preempted between seeing a tick and
   * reading hrtime anchors late, and every reading after would run that far behind.
   */
  const anchor = () => {
    let bestLead = -Infinity;
    for (let i = 0; i < ANCHOR_TICKS; i++) {
      const start = wall();
      let now = start;
      while (now === start) now = wall();
      const at = mono();
      const lead = now - Number(at) / 1e6;
      if (lead > bestLead) {
        bestLead = lead;
        anchorWall = now;
        anchorMono = at;
      }
    }
  };
  return () => {
    if (anchorMono === 0n) anchor(); // lazily: importing this module must not spin
    const precise = anchorWall + Number(mono() - anchorMono) / 1e6;
    const floor = wall();
    if (precise >= floor - BEHIND_SLACK_MS && precise < floor + 1) return precise;
    anchor();
    return anchorWall + Number(mono() - anchorMono) / 1e6;
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
