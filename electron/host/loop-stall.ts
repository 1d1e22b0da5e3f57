import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

/** A stall of a loop: when it began (ms since the epoch, so two processes' stalls line up) and how long it lasted. */
export interface Stall {
  at: number;
  ms: number;
}

/**
 * Records this thread's loop stalls longer than `minMs`: a 1 ms timer notes each tick that came
 * late, with the wall-clock moment the loop last ticked. Keeps the `kept` longest since the last
 * `take()`, so a long run costs a bounded list. Used by the never-late bench, in the host and in the
 * bare loop beside it (e2e/bench/loop-canary.mjs), to tell the host's own stalls from the machine's.
 */
export function recordStalls(minMs: number, kept: number): { take(): Stall[] } {
  let stalls: Stall[] = [];
  let last = performance.now();
  const longest = () => stalls.sort((a, b) => b.ms - a.ms).slice(0, kept);
  setInterval(() => {
    const now = performance.now();
    if (now - last - 1 > minMs) {
      stalls.push({ at: performance.timeOrigin + last, ms: now - last });
      if (stalls.length > 2 * kept) stalls = longest();
    }
    last = now;
  }, 1).unref();
  return {
    take() {
      const out = longest();
      stalls = [];
      return out;
    },
  };
}

/**
 * The host's own part of its longest stall: of each of its stalls, the time the bare loop beside it
 * was not stalled too (a stall both saw was the machine's: a VM that stopped its cores, a scheduler
 * that ran something else). Each list's stalls follow one another, so they never overlap.
 */
export function ownStallMaxMs(hostStalls: readonly Stall[], machineStalls: readonly Stall[]): number {
  let most = 0;
  for (const stall of hostStalls) {
    const end = stall.at + stall.ms;
    let shared = 0;
    for (const other of machineStalls) shared += Math.max(0, Math.min(end, other.at + other.ms) - Math.max(stall.at, other.at));
    most = Math.max(most, stall.ms - Math.min(shared, stall.ms));
  }
  return most;
}

/**
 * For the never-late bench only (CUELIGHT_BENCH_LOOP=1): the host's longest event-loop stall.
 * Each SIGUSR2 prints "loop-stall max_ms=<n> stalls=<json>" on one line of stdout and starts a new
 * measurement: the longest stall by monitorEventLoopDelay, and the longest stalls over 2 ms with
 * when they happened (recordStalls). A signal, not an endpoint: only the user who started the host
 * can ask, and no client ever sees it.
 */
export function watchLoopForBench(): void {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const stalls = recordStalls(2, 200);
  process.on('SIGUSR2', () => {
    console.log(`loop-stall max_ms=${(delay.max / 1e6).toFixed(2)} stalls=${JSON.stringify(stalls.take())}`);
    delay.reset();
  });
}
