// The machine's own share of a loop stall: a bare Node process that does nothing but keep a 1 ms
// event-loop delay monitor, run beside the host at the same priority. When it stalls as long as the
// host in the same window, the stall was the machine's (a scheduler or the VM taking the cores),
// not work on the host's loop. Run as a child: each "report" message answers with its
// longest stall since the last report, in ms, and its stalls over 1 ms with when they happened
// (the host's own recorder, electron/host/loop-stall.ts, bundled from source), and starts afresh.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { fork } from 'node:child_process';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const RECORDER = path.join(ROOT, 'dist', 'bench', 'loop-stall.cjs');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { recordStalls } = createRequire(import.meta.url)(RECORDER);
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  const stalls = recordStalls(1, 2000);
  process.on('message', () => {
    process.send({ maxMs: Number((delay.max / 1e6).toFixed(2)), stalls: stalls.take() });
    delay.reset();
  });
  process.on('disconnect', () => process.exit(0));
  process.send('ready');
}

/**
 * Starts the canary; `report()` resolves with {maxMs, stalls}: its longest stall since the last
 * report (ms), and its stalls with when they happened.
 */
export async function startCanary() {
  const entry = path.join(ROOT, 'electron', 'host', 'loop-stall.ts');
  await build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node22', format: 'cjs', outfile: RECORDER, logLevel: 'warning' });
  const child = fork(fileURLToPath(import.meta.url), [], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise((resolve) => child.once('message', resolve));
  const report = () =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send('report');
    });
  return { report, stop: () => child.kill() };
}

/** The host's own part of its longest stall (electron/host/loop-stall.ts); after startCanary built it. */
export function ownStallMaxMs(hostStalls, machineStalls) {
  return createRequire(import.meta.url)(RECORDER).ownStallMaxMs(hostStalls, machineStalls);
}
