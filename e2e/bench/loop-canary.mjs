// The machine's own share of a loop stall: a bare Node process that does nothing but keep a 1 ms
// event-loop delay monitor, run beside the host at the same priority. When it stalls as long as the
// host in the same window, the stall was the machine's (a scheduler or the VM taking the cores),
// not work on the host's loop. Run as a child: each "report" message answers with its
// longest stall since the last report, in ms, and starts a new measurement.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  process.on('message', () => {
    process.send((delay.max / 1e6).toFixed(2));
    delay.reset();
  });
  process.on('disconnect', () => process.exit(0));
}

/** Starts the canary; `report()` resolves with its longest stall since the last report (ms). */
export function startCanary() {
  const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const report = () =>
    new Promise((resolve) => {
      child.once('message', (ms) => resolve(Number(ms)));
      child.send('report');
    });
  return { report, stop: () => child.kill() };
}
