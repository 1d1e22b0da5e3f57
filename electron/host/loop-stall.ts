import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * For the never-late bench only (CUELIGHT_BENCH_LOOP=1): the host's longest event-loop stall.
 * Each SIGUSR2 prints "loop-stall max_ms=<n>" on stdout and starts a new measurement. A signal,
 * not an endpoint: only the user who started the host can ask, and no client ever sees it.
 */
export function watchLoopForBench(): void {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('SIGUSR2', () => {
    console.log(`loop-stall max_ms=${(delay.max / 1e6).toFixed(2)}`);
    delay.reset();
  });
}
