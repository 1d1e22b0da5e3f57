/** Time as the core sees it: host epoch milliseconds, plus timers that a manual clock can fire. */
export interface Clock {
  now(): number;
  /** Calls `fn` once `ms` have passed; returns a cancel function. */
  setTimer(fn: () => void, ms: number): () => void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
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
