// triggers: how late show control's first bytes leave after the host's true zero.
//
// triggers.osc_late_p99_ms / triggers.http_late_p99_ms / triggers.hyperdeck_late_p99_ms — the
//   headless host (real clock, its own process) has 10 triggers on GO: 4 OSC messages to one UDP
//   listener, 3 HTTP POSTs to one server, 3 HyperDeck `record` commands to three stand-in decks
//   speaking the protocol over TCP. Each round arms a 5 s countdown and lets it reach zero; each
//   receiver notes when the first byte of its packet/request/command arrived, on this process's
//   wall clock anchored to Date.now()'s tick (the host's deadlines are Date.now() values). The
//   figure is arrival minus deadline. Target: OSC under 2 ms, the others under 5 ms; never early
//   (the run fails if any arrival is before zero). With fewer than 100 samples p99 is the maximum.
//   BENCH_TRIGGERS_ROUNDS (default 8, about 45 s) sets the number of countdowns.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { median, percentile } from './stats.mjs';
import { spawnTracked, waitForListening, stop, callApi, tempDir } from './proc.mjs';
import { reanchor, startHttpReceiver, startHyperDeck, startOscListener } from '../show-control/stand-ins.mjs';

export const name = 'triggers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const ROUNDS = Number(process.env.BENCH_TRIGGERS_ROUNDS ?? 8);
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
  const osc = await startOscListener();
  const http = await startHttpReceiver(204);
  const decks = await Promise.all([startHyperDeck(), startHyperDeck(), startHyperDeck()]);
  const child = spawnTracked(process.execPath, [SERVE, '--port', '0', '--data-dir', tempDir('cuelight-bench-triggers-'), '--token', TOKEN, '--demo'], { cwd: ROOT });
  try {
    const url = await waitForListening(child);
    const plan = await call(url, 'createPlan', { artist: { name: 'MAMAMOO' }, song: 'HIP', countdownMs: 5000, warningMs: 3000, dangerMs: 1000 });
    await call(url, 'saveTriggers', { triggers: triggersFor(osc, http, decks) });
    const late = { osc: [], http: [], hyperdeck: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      const seen = { osc: osc.packets.length, http: http.requests.length, decks: decks.map((d) => d.commands.length) };
      await call(url, 'countdownCommand', { type: 'arm', planId: plan.id });
      const { deadline } = await call(url, 'countdownCommand', { type: 'start' });
      await sleep(deadline - Date.now() - 500);
      reanchor();
      await sleep(deadline - Date.now() + 400);
      const arrivals = {
        osc: osc.packets.slice(seen.osc).map((p) => p.at),
        http: http.requests.slice(seen.http).map((r) => r.at),
        hyperdeck: decks.flatMap((d, i) => d.commands.slice(seen.decks[i]).filter((c) => c.line.startsWith('record')).map((c) => c.at)),
      };
      for (const [kind, times] of Object.entries(arrivals)) {
        const expected = { osc: 4, http: 3, hyperdeck: 3 }[kind];
        if (times.length !== expected) throw new Error(`round ${round}: ${times.length} of ${expected} ${kind} triggers arrived`);
        late[kind].push(...times.map((at) => at - deadline));
      }
      const early = Object.values(late).flat().filter((ms) => ms < 0);
      if (early.length) throw new Error(`round ${round}: ${early.length} triggers arrived before zero (${early.map((ms) => ms.toFixed(3)).join(', ')} ms)`);
      log(`round ${round}/${ROUNDS}: OSC ${fmt(arrivals.osc, deadline)}; HTTP ${fmt(arrivals.http, deadline)}; HyperDeck ${fmt(arrivals.hyperdeck, deadline)}`);
      await call(url, 'countdownCommand', { type: 'end' });
    }
    for (const [kind, samples] of Object.entries(late)) {
      log(`${kind}: ${samples.length} samples, median ${median(samples).toFixed(2)} ms, p99 ${percentile(samples, 99).toFixed(2)} ms, min ${Math.min(...samples).toFixed(3)} ms`);
      emit({ metric: `triggers.${kind}_late_p99_ms`, value: percentile(samples, 99), unit: 'ms' });
    }
  } finally {
    await stop(child);
    await Promise.all([osc.close(), http.close(), ...decks.map((d) => d.close())]);
  }
}

const fmt = (times, deadline) => times.map((at) => `${(at - deadline).toFixed(2)}`).join('/') + ' ms';
