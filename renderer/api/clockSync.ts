/**
 * Estimates host time from ping/pong samples, NTP-style. Each sample bounds the host clock: the
 * host stamped its reply after the ping left (t0) and before the pong arrived (t1), so
 * host - page lies in [hostNow - t1, hostNow - t0] whatever the path's delays. The estimate is
 * where the bounds of the samples kept (two minutes of them) overlap, each widened by the drift
 * its age allows; a slow reply or a whole stretch of them can neither move nor widen it.
 * A sample whose bounds do not overlap the estimate's means a clock stepped (a restarted host,
 * an NTP step, a page that slept): the estimate starts again from that sample.
 */
export interface ClockSample {
  /** Page clock when the ping left, ms. */
  t0: number;
  /** Host clock when it answered, ms (an integer when the host's clock counts whole ms). */
  hostNow: number;
  /** Page clock when the pong arrived, ms. */
  t1: number;
}

export interface ClockEstimate {
  /** Host clock minus page clock, ms. */
  offset: number;
  /** The true offset is within ± this, ms. */
  uncertainty: number;
}

/** What a new sample did to the estimate. */
export type ClockChange = 'none' | 'refined' | 'step';

export interface ClockSyncOptions {
  /** How long a sample stays usable, ms: longer than any bad stretch of the network we ride out. */
  keepMs?: number;
  /** Most samples kept (a cap on memory and on the work per ping). */
  maxSamples?: number;
  /** How fast the two clocks may drift apart, ms per ms (15 ppm, NTP's own allowance for disciplined clocks). */
  drift?: number;
  /** Offset to assume before the first sample ever (e.g. the page's wall clock minus its monotonic one). */
  initialOffset?: number;
}

/** Page clock and host clock each read with some graininess; bounds are widened by this. */
const READ_SLACK_MS = 0.25;
/** An estimate change smaller than this is not worth a redraw. */
const NOTICEABLE_MS = 0.05;

interface Bound {
  /** Lowest and highest possible offset by this sample alone. */
  low: number;
  high: number;
  /** Page time of the sample (its arrival), for its age. */
  at: number;
}

function boundOf(sample: ClockSample): Bound {
  // A whole-ms host stamp was floored: the true host time is up to 1 ms later.
  const hostSlack = Number.isInteger(sample.hostNow) ? 1 : 0;
  const t1 = Math.max(sample.t1, sample.t0);
  return {
    low: sample.hostNow - t1 - READ_SLACK_MS,
    high: sample.hostNow + hostSlack - sample.t0 + READ_SLACK_MS,
    at: t1,
  };
}

/**
 * The estimate from a set of bounds at page time `now`: where they all overlap, each widened by
 * the drift its age allows. Every consistent bound holds the true offset, so their overlap does;
 * it is as tight as the fastest way up and the fastest way down seen, even in different pings.
 */
export function estimateFrom(bounds: readonly Bound[], now: number, drift: number): ClockEstimate | null {
  if (bounds.length === 0) return null;
  let low = Number.NEGATIVE_INFINITY;
  let high = Number.POSITIVE_INFINITY;
  for (const b of bounds) {
    const slack = Math.max(0, now - b.at) * drift;
    low = Math.max(low, b.low - slack);
    high = Math.min(high, b.high + slack);
  }
  return { offset: (low + high) / 2, uncertainty: Math.max(0, high - low) / 2 };
}

export class ClockSync {
  private bounds: Bound[] = [];
  private current: ClockEstimate | null = null;
  /** The last estimate before a reset: used (as unsure) until the first new sample arrives. */
  private held: ClockEstimate;
  private readonly keepMs: number;
  private readonly maxSamples: number;
  private readonly drift: number;

  constructor(options: ClockSyncOptions = {}) {
    this.keepMs = options.keepMs ?? 120_000;
    this.maxSamples = options.maxSamples ?? 240;
    this.drift = options.drift ?? 15e-6;
    this.held = { offset: options.initialOffset ?? 0, uncertainty: 0 };
  }

  /** Adds a sample; says whether the estimate moved, and whether that was a clock step. */
  add(sample: ClockSample): ClockChange {
    const bound = boundOf(sample);
    const before = this.current;
    const now = bound.at;
    this.bounds = this.bounds.filter((b) => now - b.at <= this.keepMs);
    const inconsistent =
      before !== null && (bound.high < before.offset - before.uncertainty || bound.low > before.offset + before.uncertainty);
    if (inconsistent) this.bounds = [];
    this.bounds.push(bound);
    if (this.bounds.length > this.maxSamples) this.bounds.shift();
    this.current = estimateFrom(this.bounds, now, this.drift);
    if (inconsistent) return 'step';
    const after = this.current!;
    if (!before) return Math.abs(after.offset - this.held.offset) >= NOTICEABLE_MS ? 'refined' : 'none';
    const moved = Math.abs(after.offset - before.offset) >= NOTICEABLE_MS || Math.abs(after.uncertainty - before.uncertainty) >= NOTICEABLE_MS;
    return moved ? 'refined' : 'none';
  }

  /** Forgets every sample (a new connection: perhaps a new host, or one whose clock was set since). */
  reset(): void {
    if (this.current) this.held = this.current;
    this.current = null;
    this.bounds = [];
  }

  /** True once a sample of the current connection has arrived. */
  get synced(): boolean {
    return this.current !== null;
  }

  /** Host clock minus page clock, in ms. */
  get offset(): number {
    return (this.current ?? this.held).offset;
  }

  /** How far the true host time may be from the estimate, in ms (as of the latest sample). */
  get uncertainty(): number {
    return (this.current ?? this.held).uncertainty;
  }

  /** How many samples the estimate currently rests on. */
  get sampleCount(): number {
    return this.bounds.length;
  }
}
