// triggers: how late show control's first bytes leave after the host's true zero.
//
// triggers.osc_late_p99_ms / triggers.http_late_p99_ms / triggers.hyperdeck_late_p99_ms — the
//   headless host (real clock, its own process) has 10 triggers on GO: 4 OSC messages to one UDP
//   listener, 3 HTTP POSTs to one server, 3 HyperDeck `record` commands to three stand-in decks
//   speaking the protocol over TCP. Each round arms a 5 s countdown and lets it reach zero. A
//   first byte's arrival is when the kernel handed it on over loopback (tcpdump's timestamps, on
//   the wall clock the host's deadlines are Date.now() values of; see wire-times.mjs): the first
//   segment with a payload on each HTTP or deck connection, each OSC datagram. The figure is
//   arrival minus deadline. Target: OSC under 2 ms, the others under 5 ms; never early (the run
//   fails if anything reached a receiver before zero, on the wire or as the receivers noticed it).
//   Without tcpdump (or the right to capture) the arrivals are when each receiver in this process
//   noticed its packet, on performance.now() anchored to Date.now()'s tick, and are emitted only as
//   triggers.noticed.* (a fresh machine without tcpdump once reported them as wire figures, and as
//   misses); with it, those are printed beside and emitted as triggers.noticed.*: they add this
//   process's own wait for a core.
//   With fewer than 100 samples p99 is the maximum.
//   BENCH_TRIGGERS_ROUNDS (default 25, about 2.5 minutes: 100 OSC samples) sets the number of countdowns.
//
// triggers.loaded.*_late_p99_ms — the same, with the host's loop kept busy meanwhile: readers
//   (BENCH_TRIGGERS_READERS, default 16, half getCountdown, half listPlans of BENCH_TRIGGERS_PLANS
//   imported plans, default 3000, as fast as the host answers) run in their own process through
//   every round. Triggers fire from their own thread,
//   so these should match the quiet figures; they are printed side by side at the end.
//   BENCH_TRIGGERS_LOADED_ROUNDS (default: the same as BENCH_TRIGGERS_ROUNDS; 0 skips it).
//   Also printed: the host's own lateMs (first byte written, on its clock), which does not
//   include how long this process took to notice an arrival on a busy machine.
//   CUELIGHT_TRIGGER_SPIN_MS (default 1) sets how long the firing thread waits out on the clock.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';
import { spawnTracked, waitForListening, stop, callApi, tempDir, HOST_NODE_FLAGS } from './proc.mjs';
import { reanchor, startHttpReceiver, startHyperDeck, startOscListener } from '../show-control/stand-ins.mjs';
import { startLoad } from './load-process.mjs';
import { plansCsv } from './never-late-loads.mjs';
import { startWireCapture } from './wire-times.mjs';

export const name = 'triggers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const ROUNDS = Number(process.env.BENCH_TRIGGERS_ROUNDS ?? 25);
const LOADED_ROUNDS = Number(process.env.BENCH_TRIGGERS_LOADED_ROUNDS ?? ROUNDS);
const READERS = Number(process.env.BENCH_TRIGGERS_READERS ?? 16);
const PLANS = Number(process.env.BENCH_TRIGGERS_PLANS ?? 3000);
const KINDS = ['osc', 'http', 'hyperdeck'];
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const call = (url, method, input) => callApi(url, TOKEN, method, input);

function triggersFor(osc, http, decks) {
  const list = [];
  for (let i = 1; i <= 4; i++) list.push({ name: `OSC ${i}`, event: 'go', action: { kind: 'osc', host: '127.0.0.1', port: osc.port, address: `/bench/${i}`, args: ['{artist}', '{take}'] } });
  for (let i = 1; i <= 3; i++) list.push({ name: `HTTP ${i}`, event: 'go', action: { kind: 'http', url: `http://127.0.0.1:${http.port}/go/${i}`, body: '{"take": {take}}' } });
  decks.forEach((deck, i) => list.push({ name: `Deck ${i + 1}`, event: 'go', action: { kind: 'hyperdeck', host: '127.0.0.1', port: deck.port, command: 'record' } }));
  return list;
}

export async function run({ emit, log }) {
  if (!fs.existsSync(SERVE)) throw new Error(`${path.relative(ROOT, SERVE)} is missing: run \`npm run build\` first`);
  if (!(Number.isInteger(ROUNDS) && ROUNDS > 0)) throw new Error(`BENCH_TRIGGERS_ROUNDS must be a positive integer, not ${process.env.BENCH_TRIGGERS_ROUNDS}`);
  if (!(Number.isInteger(LOADED_ROUNDS) && LOADED_ROUNDS >= 0)) throw new Error(`BENCH_TRIGGERS_LOADED_ROUNDS must be 0 or more, not ${process.env.BENCH_TRIGGERS_LOADED_ROUNDS}`);
  if (!(Number.isInteger(READERS) && READERS > 0)) throw new Error(`BENCH_TRIGGERS_READERS must be a positive integer, not ${process.env.BENCH_TRIGGERS_READERS}`);
  const osc = await startOscListener();
  const http = await startHttpReceiver(204);
  const decks = await Promise.all([startHyperDeck(), startHyperDeck(), startHyperDeck()]);
  const wire = await startWireCapture({ udpPorts: [osc.port], tcpPorts: [http.port, ...decks.map((d) => d.port)] });
  if (wire.unavailable) log(`first bytes timed as the receivers noticed them, not on the wire: ${wire.unavailable}`);
  else log('first bytes timed on the wire (tcpdump on lo, kernel timestamps); what the receivers noticed is printed beside');
  const capture = wire.unavailable ? null : wire;
  const child = spawnTracked(process.execPath, [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', tempDir('cuelight-bench-triggers-'), '--token', TOKEN, '--demo'], { cwd: ROOT });
  try {
    const url = await waitForListening(child);
    const plan = await call(url, 'createPlan', { artist: { name: 'MAMAMOO' }, song: 'HIP', countdownMs: 5000, warningMs: 3000, dangerMs: 1000 });
    await call(url, 'saveTriggers', { triggers: triggersFor(osc, http, decks) });
    const receivers = { osc, http, decks };
    const quiet = await rounds(url, plan, receivers, capture, ROUNDS, 'quiet', log);
    let loaded = null;
    if (LOADED_ROUNDS > 0) {
      // A season's plans, so each listPlans reader holds the loop for milliseconds, not microseconds.
      if (PLANS > 0) await call(url, 'importPlans', { format: 'csv', content: plansCsv(PLANS) });
      const { stop: stopLoad } = await startLoad('readers', { url, readers: READERS });
      try {
        loaded = await rounds(url, plan, receivers, capture, LOADED_ROUNDS, `${READERS} readers`, log);
      } finally {
        await stopLoad();
      }
    }
    const hostLine = (label, samples) => `${label} p50 ${median(samples).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms`;
    log(`written by the host (its lateMs): ${hostLine('quiet', quiet.host)}${loaded ? ` | ${hostLine(`${READERS} readers`, loaded.host)}` : ''}`);
    for (const kind of KINDS) {
      const line = (label, samples) => `${label} median ${median(samples).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, min ${Math.min(...samples).toFixed(3)} ms`;
      log(`${kind}: ${quiet[kind].length} samples; ${line('quiet', quiet[kind])}${loaded ? ` | ${line(`${READERS} readers`, loaded[kind])}` : ''}`);
      if (capture) log(`${kind} as the receivers noticed: ${line('quiet', quiet.noticed[kind])}${loaded ? ` | ${line(`${READERS} readers`, loaded.noticed[kind])}` : ''}`);
      // Without a capture the arrivals are the receivers' own: named so, never as the wire's first byte the targets are for.
      const on = capture ? 'triggers' : 'triggers.noticed';
      emit({ metric: `${on}.${kind}_late_p99_ms`, value: percentile(quiet[kind], 99), unit: 'ms' });
      if (loaded) emit({ metric: `${on}.loaded.${kind}_late_p99_ms`, value: percentile(loaded[kind], 99), unit: 'ms' });
      if (capture) emit({ metric: `triggers.noticed.${kind}_late_p99_ms`, value: percentile(quiet.noticed[kind], 99), unit: 'ms' });
    }
  } finally {
    await stop(child);
    await capture?.stop();
    await Promise.all([osc.close(), http.close(), ...decks.map((d) => d.close())]);
  }
}

/**
 * First bytes on the wire in one round, by kind: every OSC datagram, and the first segment with a
 * payload on each HTTP connection and each deck's connection, from `since` on (host's wall clock).
 */
function wireArrivals(packets, since, { osc, http, decks }) {
  const recent = packets.filter((p) => p.at >= since);
  const firstPerConnection = (ports) => {
    const first = new Map();
    for (const p of recent) if (p.proto === 'tcp' && ports.includes(p.dstPort) && !first.has(`${p.dstPort}:${p.srcPort}`)) first.set(`${p.dstPort}:${p.srcPort}`, p.at);
    return [...first.values()];
  };
  return {
    osc: recent.filter((p) => p.proto === 'udp' && p.dstPort === osc.port).map((p) => p.at),
    http: firstPerConnection([http.port]),
    hyperdeck: firstPerConnection(decks.map((d) => d.port)),
  };
}

/** `count` countdowns to GO: each trigger's lateness, by kind. Fails at once if anything arrived before zero. */
async function rounds(url, plan, receivers, wire, count, label, log) {
  const { osc, http, decks } = receivers;
  const late = { osc: [], http: [], hyperdeck: [], host: [] };
  const noticed = { osc: [], http: [], hyperdeck: [] };
  for (let round = 1; round <= count; round++) {
    const seen = { osc: osc.packets.length, http: http.requests.length, decks: decks.map((d) => d.commands.length) };
    await call(url, 'countdownCommand', { type: 'arm', planId: plan.id });
    const { deadline } = await call(url, 'countdownCommand', { type: 'start' });
    await sleep(deadline - Date.now() - 500);
    reanchor();
    await sleep(deadline - Date.now() + 400);
    const byReceivers = receivedSince(receivers, seen);
    if (wire) await wire.settle();
    // Anything on the wire since a second before zero: a byte before zero is early, whatever it was.
    const arrivals = wire ? wireArrivals(wire.packets, deadline - 1000, receivers) : byReceivers;
    for (const [kind, times] of Object.entries(arrivals)) {
      const expected = { osc: 4, http: 3, hyperdeck: 3 }[kind];
      if (times.length !== expected || byReceivers[kind].length !== expected) {
        throw new Error(`${label} round ${round}: ${times.length} (receivers: ${byReceivers[kind].length}) of ${expected} ${kind} triggers arrived within 400 ms of zero; ${await missing(url, receivers, seen, deadline)}`);
      }
      late[kind].push(...times.map((at) => at - deadline));
      noticed[kind].push(...byReceivers[kind].map((at) => at - deadline));
    }
    // The host's own figure (first byte written, on its clock): apart from how soon this process noticed the arrival.
    const { takeId } = await call(url, 'getCountdown', {});
    late.host.push(...(await call(url, 'getTakeTriggers', { takeId })).map((r) => r.lateMs));
    const early = [...Object.values(late), ...Object.values(noticed)].flat().filter((ms) => ms < 0);
    if (early.length) throw new Error(`${label} round ${round}: ${early.length} triggers arrived before zero (${early.map((ms) => ms.toFixed(3)).join(', ')} ms)`);
    log(`${label} round ${round}/${count}: OSC ${fmt(arrivals.osc, deadline)}; HTTP ${fmt(arrivals.http, deadline)}; HyperDeck ${fmt(arrivals.hyperdeck, deadline)}${wire ? ` (receivers noticed OSC ${fmt(byReceivers.osc, deadline)})` : ''}`);
    await call(url, 'countdownCommand', { type: 'end' });
  }
  return { ...late, noticed };
}

/** When each receiver noticed what reached it since `seen` (counts taken before the round), by kind. */
function receivedSince({ osc, http, decks }, seen) {
  return {
    osc: osc.packets.slice(seen.osc).map((p) => p.at),
    http: http.requests.slice(seen.http).map((r) => r.at),
    hyperdeck: decks.flatMap((d, i) => d.commands.slice(seen.decks[i]).filter((c) => c.line.startsWith('record')).map((c) => c.at)),
  };
}

/**
 * Why a round came up short, for its failure: what arrived in the 3 s after (late, or never sent?),
 * and the host's own record of each trigger (its status, when its first byte left, any error).
 */
async function missing(url, receivers, seen, deadline) {
  await sleep(3000);
  const got = receivedSince(receivers, seen);
  const later = `by ${((Date.now() - deadline) / 1000).toFixed(1)} s after zero the receivers had OSC ${fmt(got.osc, deadline)}, HTTP ${fmt(got.http, deadline)}, HyperDeck ${fmt(got.hyperdeck, deadline)}`;
  try {
    const { takeId } = await call(url, 'getCountdown', {});
    const results = await call(url, 'getTakeTriggers', { takeId });
    return `${later}; the host recorded ${results.map((r) => `${r.name} ${r.status} ${r.lateMs} ms late${r.detail ? ` (${r.detail})` : ''}`).join(', ') || 'no triggers'} for take ${takeId}`;
  } catch (error) {
    return `${later}; the host's record could not be read: ${error.message}`;
  }
}

const fmt = (times, deadline) => [...times].sort((a, b) => a - b).map((at) => `${(at - deadline).toFixed(2)}`).join('/') + ' ms';
