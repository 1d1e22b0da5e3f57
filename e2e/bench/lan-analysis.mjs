// Why a lan flip is as late as it is: the part owed to the clock estimate, and the rest.
// A display flips once the earliest time the host's clock can read has passed the boundary:
// page time plus the lower end of its offset estimate (renderer/api/clockSync.ts). That lower
// end is replayed here from the pongs the page received; the true offset comes from the page's
// calibrations (the machine's wall clock is the host's, before the step).
import { toWall } from './stage-analysis.mjs';

const READ_SLACK_MS = 0.25;
const DRIFT = 15e-6;
export const KEEP_MS = 120_000;

/** The lower end of the offset estimate at page time `at` (epoch-like ms), from pongs [t0, hostNow, t1]. */
function lowerEnd(pongs, at) {
  let low = Number.NEGATIVE_INFINITY;
  for (const [, hostNow, t1] of pongs) {
    if (t1 > at || at - t1 > KEEP_MS) continue;
    low = Math.max(low, hostNow - t1 - READ_SLACK_MS - (at - t1) * DRIFT);
  }
  return low;
}

/**
 * For each flip: how far the estimate's lower end was below the true offset when it flipped
 * (`boundLag`, ms; what never-early costs on this path) and what is left of its lateness
 * (`rest`: the flip's margin, timers, the page's own work). A flip with no pong in the
 * KEEP_MS before it (the page heard none: its socket was down, or the host did not answer)
 * cannot be split: it is left out of `parts` and counted in `unsplit`.
 */
export function lateParts(flips, pongs, calibrations) {
  const origin = calibrations[0].timeOrigin;
  const parts = [];
  let unsplit = 0;
  for (const f of flips) {
    const pageTime = origin + f.mono;
    const low = lowerEnd(pongs, pageTime);
    if (!Number.isFinite(low)) {
      unsplit++;
      continue;
    }
    const boundLag = toWall(calibrations, f.mono) - pageTime - low;
    parts.push({ late: f.late, boundLag, rest: f.late - boundLag });
  }
  return { parts, unsplit };
}

/** When the page heard its first pong, against page time `at` (ms, negative: before it), and its longest wait between two pongs (ms). */
export function pongTimes(pongs, at) {
  const arrivals = pongs.map(([, , t1]) => t1).sort((a, b) => a - b);
  let longestGap = 0;
  for (let i = 1; i < arrivals.length; i++) longestGap = Math.max(longestGap, arrivals[i] - arrivals[i - 1]);
  return { firstAfter: arrivals.length ? arrivals[0] - at : Number.POSITIVE_INFINITY, longestGap };
}
