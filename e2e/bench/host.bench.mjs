// host: how long the headless host takes to become useful on a set laptop.
//
// host.ready_ms / host.ready_p99_ms — from spawning `node dist/electron/serve.cjs --port 0
//   --data-dir <dir> --token bench` on a database that already holds the demo shoot, to its first
//   answered `POST /api/listPlans` ({ok: true}). The port comes from the "Listening on <url>" line
//   the host prints after it listens; from then on we poll until the API answers. Baseline, run
//   interleaved in the same process: a bare `http.createServer().listen(0)` under `node -e`,
//   timed the same way, so `ratio` says how much slower the host starts than Node itself.
//   Why: a display or the operator console reconnecting after a restart on set waits for this.
//   Target: under 1000 ms. With ~20 runs, p99 is the slowest run (nearest rank).
// host.first_page_ms — once ready, GET / until the whole index.html has arrived (fresh
//   connection), median over the runs: what a browser pointed at the host waits for first.
// host.stop_ms / host.stop_p99_ms — SIGTERM to the process's exit, once ready, on every other
//   run: the store as opened, so no backup on quit. host.stop_after_change_* — the runs between,
//   which change a setting first, so the quit backs the store up (in a worker) before it exits.
//   Baseline: the bare server's stop. Target: under 1000 ms. The e2e suite checks that each way of
//   stopping releases the data folder; how soon is timed here, where a loaded machine cannot
//   fail a test over it. With ~10 runs each, p99 is the slowest.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import { median, percentile } from './stats.mjs';
import { spawnTracked, waitForListening, stop, request, callApi, tempDir, removeTempDir, HOST_NODE_FLAGS } from './proc.mjs';

export const name = 'host';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const RUNS = Number(process.env.BENCH_HOST_RUNS ?? 20);
const WARMUP = 2; // discarded runs of each target first, so both start from a warm page cache
const POLL_MS = 2;
const READY_TIMEOUT_MS = 15_000;

const BARE_SERVER =
  "require('http').createServer((q,s)=>s.end('{}')).listen(0,'127.0.0.1',function(){console.log('Listening on http://127.0.0.1:'+this.address().port)})";

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function listPlans(url) {
  return request(`${url}/api/listPlans`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: '{}',
  });
}

/** The host answered: 200 with an {ok: true} envelope. */
function hostAnswered(response) {
  if (response.status !== 200) return false;
  const envelope = JSON.parse(response.body);
  return envelope.ok === true;
}

/** The bare server answered: 200 with a JSON body. */
function bareAnswered(response) {
  return response.status === 200 && JSON.parse(response.body) !== undefined;
}

/** Polls listPlans until `answered` says yes; network errors (not yet accepting) just retry. */
async function pollReady(child, url, answered) {
  const deadline = performance.now() + READY_TIMEOUT_MS;
  let last = 'no answer';
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited before answering (${last})`);
    try {
      const response = await listPlans(url);
      if (answered(response)) return response;
      last = `HTTP ${response.status}: ${response.body.slice(0, 200)}`;
    } catch (error) {
      last = error.message;
    }
    if (performance.now() > deadline) throw new Error(`no answer within ${READY_TIMEOUT_MS} ms (${last})`);
    await sleep(POLL_MS);
  }
}

/** One cold start: spawn → "Listening on" → first answered API call; then (host only) GET /. */
async function startOnce(args, answered, { firstPage = false, change = null } = {}) {
  const t0 = performance.now();
  const child = spawnTracked(process.execPath, args, { cwd: ROOT });
  try {
    const url = await waitForListening(child, READY_TIMEOUT_MS);
    const tListening = performance.now();
    const response = await pollReady(child, url, answered);
    const tReady = performance.now();
    const sample = { listeningMs: tListening - t0, readyMs: tReady - t0, response };
    if (firstPage) {
      const t1 = performance.now();
      const page = await request(`${url}/`);
      sample.firstPageMs = performance.now() - t1;
      if (page.status !== 200 || !/^text\/html/.test(page.headers['content-type'] ?? '') || !page.body.includes('<div id="root">')) {
        throw new Error(`GET / did not return index.html (HTTP ${page.status}, ${page.headers['content-type']}): ${page.body.slice(0, 200)}`);
      }
    }
    // A change before the stop makes the quit back the store up first, as after a day's takes.
    if (change) await callApi(url, TOKEN, 'updateSettings', { crewName: change });
    const t2 = performance.now();
    const code = await stop(child);
    sample.stopMs = performance.now() - t2;
    sample.stoppedAfterChange = change !== null;
    if (code !== 0 && code !== 'SIGTERM') throw new Error(`process ended with ${code} after SIGTERM`);
    return sample;
  } catch (error) {
    await stop(child, 'SIGKILL');
    throw error;
  }
}

export async function run({ emit, log }) {
  if (!fs.existsSync(SERVE)) throw new Error(`${path.relative(ROOT, SERVE)} is missing: run \`npm run build\` first`);
  if (!(Number.isInteger(RUNS) && RUNS > 0)) throw new Error(`BENCH_HOST_RUNS must be a positive integer, not ${process.env.BENCH_HOST_RUNS}`);

  const dataDir = tempDir('cuelight-bench-host-');
  try {
    const hostArgs = [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', dataDir, '--token', TOKEN];
    const bareArgs = ['-e', BARE_SERVER];

    // An existing database holding the demo shoot: start once with --demo, stop with SIGTERM.
    log(`preparing the demo shoot in ${dataDir}`);
    const prepared = await startOnce([...hostArgs, '--demo'], hostAnswered);
    const plans = JSON.parse(prepared.response.body).value;
    if (!Array.isArray(plans) || plans.length === 0) throw new Error('the demo shoot did not load: listPlans is empty');
    log(`demo shoot ready (${plans.length} plans, first start ${prepared.readyMs.toFixed(1)} ms incl. creating the database)`);

    const host = [];
    const bare = [];
    for (let i = -WARMUP; i < RUNS; i++) {
      // Interleaved so both see the same machine noise; alternate which goes first.
      const order = i % 2 === 0 ? ['bare', 'host'] : ['host', 'bare'];
      for (const which of order) {
        const sample =
          which === 'host'
            ? await startOnce(hostArgs, hostAnswered, { firstPage: true, change: i % 2 ? `Crew ${i}` : null })
            : await startOnce(bareArgs, bareAnswered);
        if (i >= 0) (which === 'host' ? host : bare).push(sample);
      }
      if (i >= 0) log(`run ${i + 1}/${RUNS}: host ready ${host.at(-1).readyMs.toFixed(1)} ms (listening ${host.at(-1).listeningMs.toFixed(1)}), bare ${bare.at(-1).readyMs.toFixed(1)} ms`);
    }

    const pick = (samples, key) => samples.map((s) => s[key]);
    const hostReady = pick(host, 'readyMs');
    const bareReady = pick(bare, 'readyMs');
    const readyMedian = median(hostReady);
    log(
      `host: spawn→"Listening" median ${median(pick(host, 'listeningMs')).toFixed(1)} ms, ` +
        `"Listening"→first answer median ${median(host.map((s) => s.readyMs - s.listeningMs)).toFixed(1)} ms; ` +
        `bare node: spawn→"Listening" median ${median(pick(bare, 'listeningMs')).toFixed(1)} ms, ` +
        `"Listening"→first answer median ${median(bare.map((s) => s.readyMs - s.listeningMs)).toFixed(1)} ms`,
    );
    if (readyMedian >= 1000) log(`over target: host.ready_ms median ${readyMedian.toFixed(1)} ms (target < 1000 ms)`);

    emit({ bench: name, metric: 'host.ready_ms', value: readyMedian, unit: 'ms', baseline: median(bareReady) });
    emit({ bench: name, metric: 'host.ready_p99_ms', value: percentile(hostReady, 99), unit: 'ms', baseline: percentile(bareReady, 99) });
    emit({ bench: name, metric: 'host.first_page_ms', value: median(pick(host, 'firstPageMs')), unit: 'ms' });
    const bareStops = pick(bare, 'stopMs');
    const stops = (changed) => host.filter((s) => s.stoppedAfterChange === changed).map((s) => s.stopMs);
    emit({ bench: name, metric: 'host.stop_ms', value: median(stops(false)), unit: 'ms', baseline: median(bareStops) });
    emit({ bench: name, metric: 'host.stop_p99_ms', value: percentile(stops(false), 99), unit: 'ms', baseline: percentile(bareStops, 99) });
    emit({ bench: name, metric: 'host.stop_after_change_ms', value: median(stops(true)), unit: 'ms', baseline: median(bareStops) });
    emit({ bench: name, metric: 'host.stop_after_change_p99_ms', value: percentile(stops(true), 99), unit: 'ms', baseline: percentile(bareStops, 99) });
  } finally {
    removeTempDir(dataDir);
  }
}
