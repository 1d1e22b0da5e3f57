/**
 * V8 flags the headless host's Node runs with: `npm run serve`, `npm start` (for the host and for
 * Electron's main process), the e2e suite and every bench start it so.
 *
 * `--no-memory-reducer`: V8's memory reducer compacts the whole heap some seconds after a burst
 * of allocation has died down, to hand memory back to the system. On the host that burst is an
 * import, an export or a page load, and the quiet after it is a countdown: traced with
 * `--trace-gc-nvp` over 4 plans-file dry runs, twice, the reducer's collections paused the loop
 * 8.6–27.9 ms each (most of it copying live objects to compact a 12 MB heap), longer than a frame
 * and than the 20 ms a GO may be late. Without it: no collection paused the loop 4 ms or more but
 * young-generation scavenges (4.6–9.9 ms). The heap then shrinks only as V8's ordinary
 * collections shrink it, a few megabytes at most on this heap.
 *
 * `--single-threaded-gc`: each isolate collects its garbage on its own thread. V8's helper threads
 * are shared by every isolate in the process and run at normal priority, so they also did the
 * collecting of the background workers (an export, an import's check, the review's load), whose
 * own threads run at the lowest priority (workers/background-priority.ts): on two cores that took
 * the CPU from the countdown's loop. Under a plans export repeated for 15 s, three A/B runs each
 * way (interleaved): loop stalls over 10 ms 14–23 with the helpers, 0–2 without; over 5 ms 116–139
 * against 50–52; exports answered as fast. Under the import dry run, no change beyond the noise.
 * The price is the loop's own collections, now done without help: under 50 readers (interleaved,
 * three runs each way) the longest stall was 7.5–8.8 ms against 5.0–7.4.
 *
 * V8 reads these when the isolate is set up: `v8.setFlagsFromString()` at start-up does not take
 * (measured: the same 27.9 ms compaction), and NODE_OPTIONS refuses them. So they are on the
 * command line, and the host says at start when they are not (serve.ts).
 */
export const HOST_NODE_FLAGS: readonly string[] = ['--no-memory-reducer', '--single-threaded-gc'];

/** The host flags this process was started without. */
export function missingHostNodeFlags(execArgv: readonly string[] = process.execArgv): string[] {
  return HOST_NODE_FLAGS.filter((flag) => !execArgv.includes(flag));
}
