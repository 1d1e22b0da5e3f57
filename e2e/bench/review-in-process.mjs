// The review bench's in-process half, in a process of its own started with the host's V8 flags (as
// `npm run serve` starts the host): the core's loop as the host runs it, not the bench's own, whose
// heap by then holds what every earlier bench left. Run by review.bench.mjs with
// `node <HOST_NODE_FLAGS> review-in-process.mjs <dataDir> <inputs.json>`; prints one JSON line.
import fs from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { loadCore } from './core.mjs';
import { startCanary, ownStallMaxMs } from './loop-canary.mjs';

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

/**
 * The loop's longest stall over `work` (monitorEventLoopDelay), and over the same window the
 * longest stall of a bare Node loop beside this one (loop-canary.mjs) and this loop's own part:
 * of each of its stalls, the time the bare loop was not stalled too (as never_late reports them).
 */
async function window(watch, work) {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await watch.canary.report(); // it starts afresh
  // The monitor's first sample needs a turn of the loop before it: without it, a stall straight away
  // goes unseen. The recorder notes a stall on the tick after it: what came before the window
  // (the open on the loop, a full collection) is noted by now, and dropped.
  await new Promise((resolve) => setTimeout(resolve, 5));
  watch.recorder.take();
  const value = await work();
  // One more turn of the loop, so a stall that ended with the work is recorded too.
  await new Promise((resolve) => setTimeout(resolve, 5));
  delay.disable();
  const machine = await watch.canary.report();
  return { value, loopMax: delay.max / 1e6, machineMax: machine.maxMs, ownMax: ownStallMaxMs(watch.recorder.take(), machine.stalls) };
}

/** The loop's stalls while the store opens as the hosts open it, and the whole open with its check on the loop. */
async function startupStalls(dataDir, openCore, openCoreChecked, watch) {
  const t0 = performance.now();
  openCore({ dataDir }).close();
  const onLoop = performance.now() - t0;
  const opened = await window(watch, () => openCoreChecked({ dataDir }));
  return { core: opened.value, stalls: opened, onLoop };
}

/** `inputs`: {cold, warmPages, warmSummaries, calls: [[page, summary], ...]}, made by review.bench.mjs. */
async function inProcess(dataDir, inputs) {
  const { openCore, openCoreChecked, dispatch, recordStalls, TakeReview } = await loadCore('review-core', [
    "export { openCoreChecked } from './electron/core/core';",
    "export { recordStalls } from './electron/host/loop-stall';",
    "export { TakeReview } from './electron/core/review/review-thread';",
  ]);
  const gc = collector();
  const watch = { canary: await startCanary(), recorder: recordStalls(2, 2000) };
  const startup = await startupStalls(dataDir, openCore, openCoreChecked, watch);
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
    // Asked before any warm-up (this core has none): the first call has the review's thread read every take.
    const cold = await window(watch, () => time('queryTakes', inputs.cold));
    const loopHeapMb = (heldBytes(gc) - before) / 1024 / 1024;
    const threadMb = (await TakeReview.of(core.db).threadBytes()) / 1024 / 1024;
    // Each sort's first call builds its order (timed over HTTP in review.bench.mjs): the loop's longest stall meanwhile.
    const sorts = await window(watch, async () => {
      for (const input of inputs.warmPages) await time('queryTakes', input);
    });
    for (const input of inputs.warmSummaries) await time('takeSummary', input);
    const page = [];
    const summary = [];
    for (const [pageInput, summaryInput] of inputs.calls) {
      page.push(await time('queryTakes', pageInput));
      summary.push(await time('takeSummary', summaryInput));
    }
    const stallsOf = ({ loopMax, machineMax, ownMax }) => ({ loopMax, machineMax, ownMax });
    return { page, summary, coldLoad: cold.value, loopHeapMb, threadMb, stalls: { coldLoad: stallsOf(cold), firstSorts: stallsOf(sorts), startup: stallsOf(startup.stalls) }, startupOnLoop: startup.onLoop };
  } finally {
    core.close();
    watch.canary.stop();
  }
}

const [dataDir, inputsFile] = process.argv.slice(2);
const result = await inProcess(dataDir, JSON.parse(fs.readFileSync(inputsFile, 'utf8')));
process.stdout.write(`${JSON.stringify({ ...result, flags: process.execArgv })}\n`);
