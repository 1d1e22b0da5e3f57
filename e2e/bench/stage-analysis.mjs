// The stage benchmark's arithmetic: flips against true boundaries, offsets replayed from pongs.
import { median, percentile } from './stats.mjs';

// ---- analysis --------------------------------------------------------------------------------

/** "m:ss" or "h:mm:ss" → seconds; NaN for anything else. */
export function parseClock(text) {
  if (!/^\d+(:\d\d){1,2}$/.test(text)) return Number.NaN;
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

/** Page mono → wall, interpolating the calibrations linearly (they bracket the run). */
export function toWall(calibrations, mono) {
  const points = [...calibrations].sort((a, b) => a.mono - b.mono);
  const at = (c) => c.timeOrigin + mono + c.correction;
  if (points.length === 1 || mono <= points[0].mono) return at(points[0]);
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    if (mono <= b.mono) {
      const f = (mono - a.mono) / (b.mono - a.mono);
      return a.timeOrigin + mono + a.correction + f * (b.correction - a.correction);
    }
  }
  return at(points.at(-1));
}

/**
 * Every change to one second less, with its boundary and lateness. The page's first text (load,
 * or the naive start) is not a flip; a change by other than -1 s is counted as a skip.
 */
export function flipsOf(raw, calibrations, deadline) {
  const flips = [];
  let skips = 0;
  let prev = Number.NaN;
  for (const [mono, wall, text] of raw) {
    const seconds = parseClock(text);
    if (Number.isFinite(prev) && Number.isFinite(seconds)) {
      if (prev - seconds === 1) {
        const boundary = deadline - seconds * 1000;
        const observed = toWall(calibrations, mono);
        flips.push({ mono, seconds, boundary, observed, wall, late: observed - boundary, surelyEarly: wall < boundary });
      } else {
        skips++;
      }
    }
    prev = seconds;
  }
  return { flips, skips };
}

export const within = (flips, from, to) => flips.filter((f) => f.boundary > from && f.boundary <= to);

export function summary(flips) {
  const late = flips.map((f) => f.late);
  return {
    n: flips.length,
    p50: median(late),
    p99: percentile(late, 99),
    max: Math.max(...late),
    min: Math.min(...late),
    early: late.filter((x) => x < 0).length,
    surelyEarly: flips.filter((f) => f.surelyEarly).length,
    last: flips.at(-1).late,
  };
}

export const fmt = (x) => x.toFixed(2);
export const describe = (s) => `n=${s.n} p50 ${fmt(s.p50)} p99 ${fmt(s.p99)} max ${fmt(s.max)} min ${fmt(s.min)} ms, early ${s.early} (by Date.now() alone: ${s.surelyEarly}), last ${fmt(s.last)} ms`;

/**
 * The client's host-clock offset estimate replayed from the pongs it got, roughly as
 * renderer/api/clockSync.ts makes it (there: the overlap of every kept sample's bounds; here the
 * lowest round trip, any sample once the best is a minute old; < 0.5 ms moves ignored): the
 * offset in force from each page time `at` on, for the log.
 */
export function replayOffset(pongs) {
  let best = { rtt: Infinity, at: 0 };
  let offset = 0;
  const changes = [];
  for (const [t0, hostNow, t1] of pongs) {
    const rtt = t1 - t0;
    if (rtt <= best.rtt || t1 - best.at > 60_000) {
      best = { rtt, at: t1 };
      const next = hostNow - (t0 + t1) / 2;
      if (Math.abs(next - offset) >= 0.5) {
        offset = next;
        changes.push({ at: t1, offset, rtt });
      }
    }
  }
  return changes;
}

export const offsetAt = (changes, wall) => changes.filter((c) => c.at <= wall).at(-1)?.offset ?? 0;
