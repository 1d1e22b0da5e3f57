// The lan bench's host: the real core and HTTP/WebSocket host (as serve.ts wires them), in a child
// process, on a clock that the bench can step: `{ step: ms }` over IPC moves host time at once, as
// an NTP step on the host machine would. Answers `{ url }` once listening, `{ stepped }` per step.
// Usage (from lan.bench.mjs only): node lan-host.mjs <dataDir> <token> [rendererDir]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadCore } from './core.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [dataDir, token, rendererDir = path.join(ROOT, 'dist', 'renderer')] = process.argv.slice(2);

const { openCore, createHost, openPort, allowedHostNames, systemClock } = await loadCore('lan-host', [
  "export { createHost, openPort } from './electron/host/server';",
  "export { allowedHostNames } from './electron/host/origin';",
  "export { systemClock } from './electron/core/clock';",
]);

let shift = 0;
const clock = {
  now: () => systemClock.now() + shift,
  preciseNow: () => systemClock.preciseNow() + shift,
  setTimer: (fn, ms) => systemClock.setTimer(fn, ms),
};
const core = openCore({ dataDir, clock, version: 'bench' });
const host = createHost(await openPort(0, '127.0.0.1'), { core, token, rendererDir, allowedHosts: allowedHostNames({ bound: '127.0.0.1', extra: [] }) });
const address = host.address();
process.on('message', (message) => {
  if (typeof message?.step === 'number') {
    shift += message.step;
    process.send({ stepped: Date.now(), shift });
  }
});
process.on('disconnect', () => process.exit(0));
process.send({ url: `http://127.0.0.1:${address.port}` });
