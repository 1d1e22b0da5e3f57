// The review bench's in-process half, in a process of its own started with the host's V8 flags (as
// `npm run serve` starts the host): the core's loop as the host runs it, not the bench's own, whose
// heap by then holds what every earlier bench left. Run by review.bench.mjs with
// `node <HOST_NODE_FLAGS> review-in-process.mjs <dataDir> <inputs.json>`; prints one JSON line.
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadCore } from './core.mjs';

/** V8's collector, reachable without --expose-gc: a memory figure counts what stays, not garbage. */
function collector() {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc');
}

/** Bytes the process holds after a full collection: the JS heap and typed arrays' buffers. */
function heldBytes(gc) {
  gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** The loop's longest stall while the store opens as the hosts open it, and the whole open with its check on the loop. */
async function startupStalls(dataDir, openCore, openCoreChecked) {
  const t0 = performance.now();
  openCore({ dataDir }).close();
  const onLoop = performance.now() - t0;
  const stalls = monitorEventLoopDelay({ resolution: 1 });
  stalls.enable();
  await new Promise((resolve) => setTimeout(resolve, 5));
  const core = await openCoreChecked({ dataDir });
  await new Promise((resolve) => setTimeout(resolve, 5));
  stalls.disable();
  return { core, loopMax: stalls.max / 1e6, onLoop };
}

/** `inputs`: {cold, warmPages, warmSummaries, calls: [[page, summary], ...]}, made by review.bench.mjs. */
async function inProcess(dataDir, inputs) {
  const { openCore, openCoreChecked, dispatch } = await loadCore('review-core', ["export { openCoreChecked } from './electron/core/core';"]);
  const gc = collector();
  const startup = await startupStalls(dataDir, openCore, openCoreChecked);
  const { core } = startup;
  const before = heldBytes(gc);
  try {
    const time = async (method, input) => {
      const t0 = performance.now();
      const reply = await dispatch(core, method, input, { canControl: false });
      const ms = performance.now() - t0;
      if (!reply.ok) throw new Error(`${method}: ${reply.error.message}`);
      return ms;
    };
    // Asked before any warm-up (this core has none): the first call reads every take at once.
    const stalls = monitorEventLoopDelay({ resolution: 1 });
    stalls.enable();
    // The monitor's first sample needs a turn of the loop before it: without it, a stall straight away goes unseen.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const coldLoad = await time('queryTakes', inputs.cold);
    // One more turn of the loop, so a stall that ended with the call is recorded too.
    await new Promise((resolve) => setTimeout(resolve, 5));
    stalls.disable();
    const coldLoadLoopMax = stalls.max / 1e6;
    const indexMb = (heldBytes(gc) - before) / 1024 / 1024;
    // Each sort's first call builds its order (timed over HTTP in review.bench.mjs): the loop's longest stall meanwhile.
    const sorting = monitorEventLoopDelay({ resolution: 1 });
    sorting.enable();
    await new Promise((resolve) => setTimeout(resolve, 5));
    for (const input of inputs.warmPages) await time('queryTakes', input);
    await new Promise((resolve) => setTimeout(resolve, 5));
    sorting.disable();
    const firstSortsLoopMax = sorting.max / 1e6;
    for (const input of inputs.warmSummaries) await time('takeSummary', input);
    const page = [];
    const summary = [];
    for (const [pageInput, summaryInput] of inputs.calls) {
      page.push(await time('queryTakes', pageInput));
      summary.push(await time('takeSummary', summaryInput));
    }
    return { page, summary, coldLoad, coldLoadLoopMax, firstSortsLoopMax, indexMb, startupLoopMax: startup.loopMax, startupOnLoop: startup.onLoop };
  } finally {
    core.close();
  }
}

const [dataDir, inputsFile] = process.argv.slice(2);
const result = await inProcess(dataDir, JSON.parse(fs.readFileSync(inputsFile, 'utf8')));
process.stdout.write(`${JSON.stringify({ ...result, flags: process.execArgv })}\n`);
