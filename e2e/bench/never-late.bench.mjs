// never_late: nothing anyone else does may delay the countdown (issue 10).
//
// For each load in turn — idle (the baseline), a 10 MB plans import as a dry run and for real, a
// 10 MB plans export, 30 parallel 12 MB unauthenticated bodies, 50 clients reading as fast as they
// can, 1,000 slow connections — a real countdown runs to GO on the headless host while the load
// runs, and the operator's commands (+1 s / -1 s) are sent every BENCH_NEVER_LATE_COMMAND_MS.
// The host's very first countdown, with no load, is reported too (never_late.first_countdown.*):
// it is the day's first take, and the host compiles most of its code paths on first use in it.
//
// never_late.<load>.go_late_ms       — host deadline (the GO snapshot's goAt) to the GO event
//   arriving on a WebSocket client (same machine, same wall clock). Target < 20 ms.
// never_late.<load>.command_p99_ms   — countdown commands sent during the load, answered (p99,
//   nearest rank). Target < 50 ms.
// never_late.<load>.loop_stall_max_ms — the host's longest event-loop stall over the countdown
//   (perf_hooks.monitorEventLoopDelay, read through CUELIGHT_BENCH_LOOP=1 + SIGUSR2, see
//   electron/host/loop-stall.ts). Target < 20 ms.
// never_late.<load>.machine_stall_max_ms — over the same window, the longest stall of a bare Node
//   process doing nothing but a 1 ms timer (loop-canary.mjs): what the machine alone costs a loop
//   then. No target; it says how much of the host's figure is the machine's (on this VM, a load
//   generator at nice 19 still stalled a bare loop 15-34 ms).
// never_late.<load>.own_stall_max_ms — the host's own part of its stalls: of each stall over 2 ms
//   (a 1 ms timer in the host, electron/host/loop-stall.ts), the time the bare loop was not stalled
//   too, the longest. No target of its own; it says what the host's loop_stall_max_ms would be on a
//   machine that never stops its cores.
// never_late.<load>.requests_per_s — for the loads that repeat requests (export, bodies, readers,
//   the dry run): how many the host answered a second, so a quieter load cannot pass for a kinder host.
// Every load runs under SCHED_IDLE (never-late-load-child.mjs; BENCH_LOAD_SCHED=nice for nice 19
// only): on set it comes from other machines, so the host should pay for the load's requests, not
// for making them.
// After each load the machine settles (_SETTLE_S) before the next one starts, so each window
// measures its own load, not the last one's aftermath: right after the bodies load (whose process
// let go of gigabytes of 12 MB strings), the readers' window stalled the host 33-35 ms and a bare
// loop beside it as long (the host's own part 4-10 ms), three runs of three; with 10 s between
// them, 6.1-10.1 ms, as the readers load alone (5-11 ms).
// Every figure carries the idle host's as its baseline. Knobs: BENCH_NEVER_LATE_LOADS (comma
// list), _COUNTDOWN_S (5, the shortest a plan allows), _ROWS (70000 ≈ 9.8 MB), _BODIES (30),
// _READERS (50), _SLOW (1000), _COMMAND_MS (250), _SETTLE_S (10).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile } from './stats.mjs';
import { spawnTracked, waitForListening, tempDir, HOST_NODE_FLAGS } from './proc.mjs';
import { call, plansCsv } from './never-late-loads.mjs';
import { startLoad } from './load-process.mjs';
import { startCanary, ownStallMaxMs } from './loop-canary.mjs';

export const name = 'never_late';

const HERE_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE_DIR, '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const env = (key, fallback) => Number(process.env[`BENCH_NEVER_LATE_${key}`] ?? fallback);
const COUNTDOWN_MS = env('COUNTDOWN_S', 5) * 1000;
const ROWS = env('ROWS', 70_000); // ≈ 9.8 MB: the contract takes files up to 10 MB
const COMMAND_MS = env('COMMAND_MS', 250);
const SETTLE_MS = env('SETTLE_S', 10) * 1000;
const SIZES = { bodies: env('BODIES', 30), readers: env('READERS', 50), slow: env('SLOW', 1000) };
const ORDER = ['idle', 'import_dry', 'import', 'export', 'bodies', 'readers', 'slow'];
const CHOSEN = (process.env.BENCH_NEVER_LATE_LOADS ?? ORDER.join(',')).split(',').map((s) => s.trim());
const TARGETS = { go_late_ms: 20, command_p99_ms: 50, loop_stall_max_ms: 20 };
/** The load runs this long before the countdown starts, so GO falls in its thick. */
const LOAD_LEAD_MS = 800;
/** No adjustment closer to zero than this: the engine refuses one that leaves under 1 s. */
const COMMANDS_STOP_BEFORE_MS = 2_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function startHost(dataDir) {
  const child = spawnTracked(process.execPath, [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', dataDir, '--demo', '--token', TOKEN], {
    env: { ...process.env, CUELIGHT_BENCH_LOOP: '1' },
  });
  const url = await waitForListening(child);
  const stalls = [];
  let pending = '';
  child.stdout.on('data', (chunk) => {
    const lines = (pending + chunk).split('\n');
    pending = lines.pop();
    for (const line of lines) {
      const match = /loop-stall max_ms=([\d.]+) stalls=(\[.*\])/.exec(line);
      if (match) stalls.push({ maxMs: Number(match[1]), stalls: JSON.parse(match[2]) });
    }
  });
  /** Asks the host for its longest stall since the last ask, and its stalls with when they happened. */
  const loopStall = async () => {
    const before = stalls.length;
    child.kill('SIGUSR2');
    for (let i = 0; i < 2000 && stalls.length === before; i++) await sleep(5);
    if (stalls.length === before) throw new Error('the host did not report its loop stall');
    return stalls.at(-1);
  };
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  return { child, url, socket, loopStall };
}

async function api(host, method, input) {
  const res = await call(host.url, method, input, { token: TOKEN, keepAlive: false });
  const envelope = res.status === 0 ? { ok: false, error: { message: res.body } } : JSON.parse(res.body);
  if (!envelope.ok) throw new Error(`${method} was refused: ${envelope.error.message}`);
  return envelope.value;
}

/** Resolves with {goAt, lateMs} when the next GO event arrives on the host's WebSocket. */
function nextGo(socket) {
  return new Promise((resolve) => {
    const onMessage = (data) => {
      const at = Date.now();
      const frame = JSON.parse(String(data));
      if (frame.type === 'event' && frame.name === 'countdown' && frame.payload.phase === 'go') {
        socket.off('message', onMessage);
        resolve({ goAt: frame.payload.goAt, lateMs: at - frame.payload.goAt, saveFailure: frame.payload.saveFailure });
      }
    };
    socket.on('message', onMessage);
  });
}

/** One countdown to GO under `load`: the three figures. */
async function measure(host, planId, load, log, canary, label = load) {
  const { scheduling, stop } = await startLoad(load, { url: host.url, token: TOKEN, csv: host.csv, ...SIZES });
  const loadStarted = performance.now();
  await sleep(load === 'idle' ? 0 : LOAD_LEAD_MS);
  await Promise.all([host.loopStall(), canary.report()]); // both start their measurement afresh
  const windowStart = performance.timeOrigin + performance.now();
  const go = nextGo(host.socket);
  await api(host, 'countdownCommand', { type: 'arm', planId });
  const started = await api(host, 'countdownCommand', { type: 'start' });
  const latencies = [];
  let sign = 1;
  while (Date.now() < started.deadline - COMMANDS_STOP_BEFORE_MS) {
    const t0 = performance.now();
    const res = await call(host.url, 'countdownCommand', { type: 'adjust', deltaMs: sign * 1000 }, { token: TOKEN, keepAlive: false });
    latencies.push(performance.now() - t0);
    if (res.status !== 200) log(`${load}: a command was refused: ${res.body.slice(0, 200)}`);
    else sign = -sign;
    await sleep(Math.max(0, COMMAND_MS - (performance.now() - t0)));
  }
  const { lateMs, saveFailure } = await go;
  if (saveFailure) log(`${load}: GO's take was not saved: ${saveFailure}`);
  const [hostLoop, machineLoop] = await Promise.all([host.loopStall(), canary.report()]);
  const stall = hostLoop.maxMs;
  const machine = machineLoop.maxMs;
  const own = ownStallMaxMs(hostLoop.stalls, machineLoop.stalls);
  // When each loop's longest stall began, from the window's start (recordStalls keeps the longest first).
  const at = ({ stalls }) => {
    if (stalls.length === 0) return '-';
    const s = (stalls[0].at - windowStart) / 1000;
    return s < 0 ? 'the window’s start' : `+${s.toFixed(2)} s`;
  };
  const t0 = performance.now();
  const rounds = await stop();
  const perSecond = rounds === undefined ? undefined : rounds / ((t0 - loadStarted) / 1000);
  log(
    `${label}: GO ${lateMs} ms late, commands p99 ${percentile(latencies, 99).toFixed(1)} ms (${latencies.length}), ` +
      `loop stall max ${stall} ms at ${at(hostLoop)} (a bare loop beside it: ${machine} ms at ${at(machineLoop)}; the host's own part: ${own.toFixed(1)} ms); load let go in ${((performance.now() - t0) / 1000).toFixed(1)} s` +
      (load === 'idle' ? '' : `; load under ${scheduling}${perSecond === undefined ? '' : `, ${perSecond.toFixed(1)} requests answered a second`}`),
  );
  await api(host, 'countdownCommand', { type: 'end' });
  return { figures: { go_late_ms: lateMs, command_p99_ms: percentile(latencies, 99), loop_stall_max_ms: stall, machine_stall_max_ms: machine, own_stall_max_ms: own }, perSecond };
}

/** Loads that read or send no plans file run on a second host with the demo shoot only: with the
 *  9.8 MB import in it, every listPlans would be a 15 MB answer, a different (big-read) load. */
const ON_FRESH_HOST = new Set(['bodies', 'readers', 'slow']);

async function openHost(csv) {
  const host = await startHost(tempDir('cuelight-never-late-'));
  host.csv = csv;
  host.plan = await api(host, 'createPlan', { artist: { name: 'Bench' }, song: 'Never late', countdownMs: COUNTDOWN_MS, warningMs: COUNTDOWN_MS, dangerMs: 1000 });
  return host;
}

export async function run({ emit, log }) {
  const unknown = CHOSEN.filter((load) => !ORDER.includes(load));
  if (unknown.length) throw new Error(`BENCH_NEVER_LATE_LOADS: unknown ${unknown.join(', ')}; loads: ${ORDER.join(', ')}`);
  const csv = plansCsv(ROWS);
  log(`plans file: ${ROWS} rows, ${(Buffer.byteLength(csv) / 1e6).toFixed(1)} MB; countdown ${COUNTDOWN_MS / 1000} s`);
  const hosts = [];
  const canary = await startCanary();
  try {
    const host = await openHost(csv);
    hosts.push(host);
    if (CHOSEN.includes('export') && !CHOSEN.includes('import')) {
      log('export: importing the plans file first, so there is 10 MB to export');
      await api(host, 'importPlans', { format: 'csv', content: csv });
    }
    const figures = {};
    // The day's first countdown is as real as any: reported apart, with its own targets, though the
    // host compiles most of its code paths on first use in it. The idle baseline is the second.
    const first = await measure(host, host.plan.id, 'idle', log, canary, 'first_countdown (idle, a fresh host)');
    let fresh = null;
    let previous = 'idle';
    for (const load of ['idle', ...CHOSEN.filter((l) => l !== 'idle')]) {
      if (previous !== 'idle') await sleep(SETTLE_MS); // the last load's process has let go: the machine settles
      previous = load;
      if (ON_FRESH_HOST.has(load) && !fresh) {
        hosts.push((fresh = await openHost(csv)));
        await measure(fresh, fresh.plan.id, 'idle', log, canary, 'warm-up of the host for the loads below (not reported)');
      }
      const target = ON_FRESH_HOST.has(load) ? fresh : host;
      const measured = await measure(target, target.plan.id, load, log, canary);
      figures[load] = measured.figures;
      if (measured.perSecond !== undefined) emit({ metric: `never_late.${load}.requests_per_s`, value: measured.perSecond, unit: 'per_s' });
    }
    figures.first_countdown = first.figures;
    const missed = [];
    for (const [load, figure] of Object.entries(figures)) {
      for (const [metric, value] of Object.entries(figure)) {
        emit({ metric: `never_late.${load}.${metric}`, value, unit: 'ms', ...(load === 'idle' ? {} : { baseline: figures.idle[metric] }) });
        if (metric in TARGETS && value >= TARGETS[metric]) missed.push(`${load}.${metric} ${value.toFixed(1)} ≥ ${TARGETS[metric]}`);
      }
    }
    if (missed.length) log(`MISSED targets: ${missed.join('; ')}`);
  } finally {
    canary.stop();
    for (const host of hosts) {
      host.socket.terminate();
      host.child.kill('SIGKILL');
    }
  }
}
