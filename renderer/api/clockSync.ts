/**
 * Estimates host time from ping/pong samples, NTP-style: each sample bounds the host clock within
 * half its round trip, so the sample with the shortest round trip among the recent ones wins. A
 * single slow reply (a busy page at load, a congested network) can never move the estimate.
 */
export interface ClockSample {
  /** Page clock when the ping left. */
  t0: number;
  /** Host clock when it answered. */
  hostNow: number;
  /** Page clock when the pong arrived. */
  t1: number;
}

export class ClockSync {
  private samples: (ClockSample & { rtt: number })[] = [];

  constructor(private readonly window = 8) {}

  /** Adds a sample; returns true when the estimate changed. */
  add(sample: ClockSample): boolean {
    const before = this.best();
    this.samples.push({ ...sample, rtt: Math.max(0, sample.t1 - sample.t0) });
    if (this.samples.length > this.window) this.samples.shift();
    return this.best() !== before;
  }

  /** Host clock minus page clock, in ms (0 before any sample). */
  get offset(): number {
    const best = this.best();
    return best ? best.hostNow - (best.t0 + best.t1) / 2 : 0;
  }

  /** How far the true host time may be from the estimate: half the best round trip. */
  get uncertainty(): number {
    return (this.best()?.rtt ?? 0) / 2;
  }

  private best() {
    let best: (typeof this.samples)[number] | undefined;
    for (const s of this.samples) if (!best || s.rtt <= best.rtt) best = s;
    return best;
  }
}
