// Numbers and output for the benchmarks: order statistics, and `emit`, which writes one figure
// as one JSON line on stdout (nothing else may go to stdout; progress goes to stderr via `log`).

/** Sorted copy of `samples`, ascending; throws on an empty or non-numeric list. */
function sorted(samples) {
  if (!Array.isArray(samples) || samples.length === 0) throw new Error('need at least one sample');
  if (samples.some((x) => typeof x !== 'number' || !Number.isFinite(x))) throw new Error('samples must be finite numbers');
  return [...samples].sort((a, b) => a - b);
}

/** Median: the middle sample, or the mean of the two middle ones. */
export function median(samples) {
  const s = sorted(samples);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Nearest-rank percentile (p in 0..100): the smallest sample with at least p% of the samples at
 * or below it. With fewer than 100 samples, p99 is the maximum — say so when reading it.
 */
export function percentile(samples, p) {
  if (!(p >= 0 && p <= 100)) throw new Error(`percentile must be 0..100, not ${p}`);
  const s = sorted(samples);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

const round = (x, digits) => Number(x.toFixed(digits));
/** To 0.01, or to three significant digits below 1 (a 0.2 ms fsync is not 0.20 ± 0.005). */
const figure = (x) => (Math.abs(x) >= 1 || x === 0 ? round(x, 2) : Number(x.toPrecision(3)));

/**
 * Returns `emit({bench, metric, value, unit, baseline?})`, which writes one JSON line:
 * {"bench", "metric", "value", "unit"} plus "baseline" and "ratio" (value / baseline) when a
 * baseline was measured in the same run. Values are rounded to 0.01 (three significant digits
 * below 1), ratios to 0.001.
 */
export function createEmit(write = (line) => process.stdout.write(line)) {
  return function emit({ bench, metric, value, unit, baseline }) {
    if (typeof bench !== 'string' || !bench) throw new Error('emit needs a bench name');
    if (typeof metric !== 'string' || !metric) throw new Error('emit needs a metric name');
    if (typeof unit !== 'string' || !unit) throw new Error(`emit ${metric}: needs a unit`);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`emit ${metric}: value must be a finite number, not ${value}`);
    const line = { bench, metric, value: figure(value), unit };
    if (baseline !== undefined) {
      if (typeof baseline !== 'number' || !Number.isFinite(baseline) || baseline <= 0) throw new Error(`emit ${metric}: baseline must be a positive number, not ${baseline}`);
      line.baseline = figure(baseline);
      line.ratio = round(value / baseline, 3);
    }
    write(`${JSON.stringify(line)}\n`);
    return line;
  };
}

/** Progress for people: stderr only, prefixed with the bench name. */
export function createLog(bench) {
  return (...parts) => process.stderr.write(`[${bench}] ${parts.join(' ')}\n`);
}
