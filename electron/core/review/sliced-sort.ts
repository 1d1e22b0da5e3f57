import { performance } from 'node:perf_hooks';

/** Lets the loop run timers, I/O and other calls before the next slice. */
export type Yield = () => Promise<void>;

export const nextTurn: Yield = () => new Promise((resolve) => setImmediate(resolve));

/** How work over every take is spread: the longest slice, how the loop is let go, and when to stop. */
export interface SliceOptions {
  /** About the longest a slice runs (2 ms). */
  sliceMs?: number;
  yieldTurn?: Yield;
  /** Asked after each turn let go: false stops the work (the columns changed under it). */
  stillWanted?: () => boolean;
}

/**
 * Tells work done in slices when its slice is used up: `breathe()` lets the loop go then (and only
 * then), and resolves true when the work is no longer wanted.
 */
export function slicer(options: SliceOptions = {}): { breathe: () => Promise<boolean> } {
  const { sliceMs = 2, yieldTurn = nextTurn, stillWanted = () => true } = options;
  let sliceEnd = performance.now() + sliceMs;
  return {
    async breathe() {
      if (performance.now() < sliceEnd) return false;
      await yieldTurn();
      sliceEnd = performance.now() + sliceMs;
      return !stillWanted();
    },
  };
}

/** Rows sorted in one go before the merging starts: well under a millisecond each. */
const RUN = 512;

/**
 * Sorts `rows` by `compare` (a total order) a slice of at most about `sliceMs` at a time, letting
 * the loop go between slices: a bottom-up merge sort over typed arrays. Sorting 100,000 takes by a
 * key at once held the loop 50–130 ms; this is the same work spread over turns. Resolves with the
 * sorted rows (`rows` itself or its scratch twin); `stillWanted` returning false stops it (null).
 */
export async function sortInSlices(
  rows: Uint32Array,
  compare: (a: number, b: number) => number,
  options: SliceOptions = {},
): Promise<Uint32Array | null> {
  const n = rows.length;
  const { breathe } = slicer(options);
  for (let start = 0; start < n; start += RUN) {
    rows.subarray(start, Math.min(n, start + RUN)).sort(compare);
    if (await breathe()) return null;
  }
  let from: Uint32Array = rows;
  let to: Uint32Array = new Uint32Array(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width);
      const right = Math.min(n, left + 2 * width);
      let i = left;
      let j = mid;
      let k = left;
      while (k < right) {
        // A few thousand rows between looks at the clock.
        const stop = Math.min(right, k + 4096);
        while (k < stop) {
          if (j >= right || (i < mid && compare(from[i]!, from[j]!) <= 0)) to[k++] = from[i++]!;
          else to[k++] = from[j++]!;
        }
        if (await breathe()) return null;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
