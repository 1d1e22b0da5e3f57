// lan: the stage display behind a set network, through a delay proxy (./lan-proxy.mjs), next to a
// loopback display in the same run. One host (./lan-host.mjs: the real core and host on a clock
// the bench can step) counts a long countdown; four /stage pages watch it:
//   - loopback: straight to the host;
//   - jitter:   host→page 8 ± 3 ms, page→host 2 ± 1 ms (uniform), every message, order kept;
//   - spikes:   the same, plus 100 ms on pings: a random quarter of them (either direction), and
//               every ping during a stretch in the middle of the run (a third of it);
//   - held:     the same jitter, and the uplink held back 100–500 ms every 2–3 s (power save).
// After the flip phase the host's clock steps +2 s, and each page's recovery is timed.
// Flips are recorded in the pages as in the stage bench (./stage-pages.mjs) and mapped to the
// machine's wall clock, which is the host's (plus the step, after it).
//
// lan.flip_late_p50_ms / lan.flip_late_p99_ms — the jitter page's flip lateness (flips to one
//   second less, before the step); baseline the loopback page's. Target p99 < 16.7 ms (a frame).
// lan.<variant>.flip_late_p99_ms — each page's, loopback included.
// lan.flip_early_count — every text any page showed before the host's clock reached it (all
//   pages, before and after the step); lan.<variant>.flip_early_count each. Target 0 everywhere.
// lan.step_recovery_ms — the jitter page: from the host's +2 s step until it shows the host's
//   time; lan.<variant>.step_recovery_ms each.
// lan.<variant>.estimate_lag_p99_ms / timer_late_p99_ms — each flip's lateness in two parts
//   (./lan-analysis.mjs): how far the clock estimate's lower end was below the true offset (the
//   path's fastest host→page trip, which no never-early display can avoid waiting out), and the
//   rest (margin, timers, the page's own work: what machine load adds, as on loopback).
// With fewer than 100 flips a p99 is the maximum.
//
// Knobs: BENCH_LAN_S (flip phase, default 120 s: 120 flips a page, so a p99 is not simply the maximum), BENCH_LAN_STEP_S (after the step, default 6 s),
// BENCH_LAN_RENDERER (another built renderer folder to serve, e.g. an older commit's dist/renderer,
// to measure its display the same way).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, benchChromiumPath } from './browser.mjs';
import { median, percentile } from './stats.mjs';
import { calibrate, installRecorder } from './stage-pages.mjs';
import { flipsOf, fmt, parseClock, toWall } from './stage-analysis.mjs';
import { spawnTracked, stop, callApi, tempDir, removeTempDir, HOST_NODE_FLAGS } from './proc.mjs';
import { startDelayProxy } from './lan-proxy.mjs';
import { KEEP_MS, lateParts, pongTimes } from './lan-analysis.mjs';

export const name = 'lan';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const TOKEN = 'bench';
const STEP_MS = 2000;
/** From every page showing the countdown to the first flip measured: the clock-sync burst and a few pings a second. */
const PAGES_SETTLE_MS = 4000;

const envInt = (key, fallback, min) => {
  const raw = process.env[key];
  const value = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${key} must be an integer ≥ ${min}, not ${raw}`);
  return value;
};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const uniform = (mid, spread) => mid - spread + Math.random() * 2 * spread;
const jitterDown = () => uniform(8, 3);
const jitterUp = () => uniform(2, 1);

const call = (url, method, input) => callApi(url, TOKEN, method, input);


/** The delays of each variant; `spikeStretch` is [from, to] epoch ms when every ping is slow. */
function variants(spikeStretch) {
  const inStretch = () => Date.now() >= spikeStretch[0] && Date.now() < spikeStretch[1];
  let heldUntil = 0;
  let nextHold = Date.now() + 2000;
  return {
    jitter: { down: jitterDown, up: jitterUp },
    spikes: {
      down: (m) => jitterDown() + (m?.type === 'pong' && Math.random() < 0.125 ? 100 : 0),
      up: (m) => jitterUp() + (m?.type === 'ping' && (inStretch() || Math.random() < 0.125) ? 100 : 0),
    },
    held: {
      down: jitterDown,
      up: jitterUp,
      upHeldUntil: () => {
        const now = Date.now();
        if (now >= nextHold) {
          heldUntil = now + uniform(300, 200);
          nextHold = heldUntil + uniform(2500, 500);
        }
        return heldUntil;
      },
    },
  };
}

/** Host time at wall time `w`: the machine's clock, plus the step once it happened. */
const hostAt = (w, stepWall) => w + (stepWall !== null && w >= stepWall ? STEP_MS : 0);

/** Texts shown before the host's clock reached them: showing S is right once host ≥ deadline - S s. */
function earlyTexts(raw, calibrations, deadline, stepWall) {
  return raw.filter(([mono, , text]) => {
    const seconds = parseClock(text);
    return Number.isFinite(seconds) && hostAt(toWall(calibrations, mono), stepWall) < deadline - seconds * 1000;
  });
}

/** From the step until the page shows what the stepped host's clock says. */
function recoveryMs(raw, calibrations, deadline, stepWall) {
  for (const [mono, , text] of raw) {
    const w = toWall(calibrations, mono);
    if (w < stepWall) continue;
    if (parseClock(text) <= Math.ceil((deadline - (w + STEP_MS)) / 1000)) return w - stepWall;
  }
  return Number.POSITIVE_INFINITY;
}

export async function run({ emit, log }) {
  const RUN_S = envInt('BENCH_LAN_S', 120, 5);
  const AFTER_S = envInt('BENCH_LAN_STEP_S', 6, 3);
  const rendererDir = path.resolve(process.env.BENCH_LAN_RENDERER || path.join(ROOT, 'dist', 'renderer'));
  if (!fs.existsSync(path.join(rendererDir, 'index.html'))) throw new Error(`${rendererDir} has no built renderer: run \`npm run build\` first`);
  const dataDir = tempDir('cuelight-bench-lan-');
  const proxies = [];
  let host;
  let browser;
  try {
    host = spawnTracked(process.execPath, [...HOST_NODE_FLAGS, path.join(HERE, 'lan-host.mjs'), dataDir, TOKEN, rendererDir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    host.stdout.resume();
    host.stderr.on('data', (chunk) => log(`host: ${String(chunk).trim()}`));
    const fromHost = (key) => new Promise((resolve) => host.on('message', function on(m) {
      if (m && key in m) {
        host.off('message', on);
        resolve(m);
      }
    }));
    const { url } = await fromHost('url');

    const countdownMs = Math.ceil((RUN_S + AFTER_S + 120) / 60) * 60_000;
    const plan = await call(url, 'createPlan', { artist: { name: 'Bench Artist' }, song: 'Set network bench', countdownMs });
    await call(url, 'countdownCommand', { type: 'arm', planId: plan.id });
    await call(url, 'countdownCommand', { type: 'start' });
    const { deadline } = await call(url, 'getCountdown');

    // The spikes page's slow stretch, set once the flip phase's start is known.
    const stretch = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    const delays = variants(stretch);
    const targets = { loopback: url };
    for (const [variant, d] of Object.entries(delays)) {
      const proxy = await startDelayProxy(url, d);
      proxies.push(proxy);
      targets[variant] = proxy.url;
    }

    const launched = Date.now();
    browser = await chromium.launch({ headless: true, executablePath: benchChromiumPath(), args: CHROMIUM_ARGS });
    const pages = {};
    for (const [variant, target] of Object.entries(targets)) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.addInitScript(installRecorder);
      await page.goto(`${target}/stage`);
      await page.getByRole('timer').filter({ hasText: /^\d+(:\d\d){1,2}$/ }).waitFor({ timeout: 15_000 });
      pages[variant] = { page, errors, calibrations: [] };
    }
    const calibrateAll = () => Promise.all(Object.values(pages).map(async (p) => p.calibrations.push(await p.page.evaluate(calibrate))));
    log(`host ${url}, deadline ${deadline}; pages up in ${fmt((Date.now() - launched) / 1000)} s: ${Object.entries(targets).map(([v, t]) => `${v} ${t}`).join(', ')}`);

    // The flip phase starts once every page shows the countdown and has synced for a while, not at
    // a time fixed before Chromium started: on a loaded machine the pages took over 8 s to come up,
    // and flips seen just after a page loaded (before its first pong) were counted.
    const runFrom = Date.now() + PAGES_SETTLE_MS;
    stretch[0] = runFrom + (RUN_S * 1000) / 3;
    stretch[1] = runFrom + (2 * RUN_S * 1000) / 3;
    await sleep(runFrom - Date.now() - 500);
    await calibrateAll();
    log(`flips for ${RUN_S} s (every ping 100 ms slower on the spikes page from +${RUN_S / 3} s to +${(2 * RUN_S) / 3} s)`);
    await sleep(runFrom + RUN_S * 1000 - Date.now());
    await calibrateAll();
    // The step lands half a second into a second: mid-way between two boundaries.
    await sleep(1500 - ((deadline - Date.now()) % 1000));
    host.send({ step: STEP_MS });
    const { stepped: stepWall } = await fromHost('stepped');
    log(`host clock stepped +${STEP_MS} ms at ${stepWall}; watching for ${AFTER_S} s`);
    await sleep(AFTER_S * 1000);
    await calibrateAll();

    const results = {};
    for (const [variant, p] of Object.entries(pages)) {
      if (p.errors.length) throw new Error(`${variant} page threw: ${p.errors.join('; ')}`);
      const recorded = await p.page.evaluate(() => window.__stageBench);
      const raw = recorded.flips;
      const { flips } = flipsOf(raw.filter(([mono]) => toWall(p.calibrations, mono) < stepWall), p.calibrations, deadline);
      const measured = flips.filter((f) => f.boundary >= runFrom && f.boundary < runFrom + RUN_S * 1000);
      const late = measured.map((f) => f.late);
      if (late.length === 0) throw new Error(`${variant}: no flips recorded`);
      const { parts, unsplit } = lateParts(measured, recorded.pongs, p.calibrations);
      if (unsplit > 0) {
        const { firstAfter, longestGap } = pongTimes(recorded.pongs, p.calibrations[0].timeOrigin + measured[0].mono);
        log(
          `${variant}: ${unsplit} of ${late.length} flips came with no pong in the ${KEEP_MS / 1000} s before them, left out of the split below ` +
            `(${recorded.pongs.length} pongs; the first ${fmt(firstAfter / 1000)} s after the first flip measured; longest wait between two ${fmt(longestGap / 1000)} s)`,
        );
      }
      if (parts.length === 0) throw new Error(`${variant}: no flip had a pong before it, so its lateness cannot be split`);
      const early = earlyTexts(raw, p.calibrations, deadline, stepWall);
      const recovery = recoveryMs(raw, p.calibrations, deadline, stepWall);
      results[variant] = { late, early: early.length, recovery, pongs: recorded.pongs.length, boundLag: parts.map((x) => x.boundLag), rest: parts.map((x) => x.rest) };
      log(
        `${variant.padEnd(8)} flips ${late.length}: late p50 ${fmt(median(late))} p99 ${fmt(percentile(late, 99))} min ${fmt(Math.min(...late))} ms; ` +
          `early ${early.length}${early.length ? ` (${early.slice(0, 3).map(([, , t]) => t).join(', ')}…)` : ''}; step recovery ${fmt(recovery)} ms; ${recorded.pongs.length} pongs; ` +
          `owed to the estimate p50 ${fmt(median(results[variant].boundLag))} p99 ${fmt(percentile(results[variant].boundLag, 99))} ms, the rest p50 ${fmt(median(results[variant].rest))} p99 ${fmt(percentile(results[variant].rest, 99))} ms`,
      );
    }

    const { jitter, loopback } = results;
    emit({ metric: 'lan.flip_late_p50_ms', value: median(jitter.late), unit: 'ms', baseline: positive(median(loopback.late)) });
    emit({ metric: 'lan.flip_late_p99_ms', value: percentile(jitter.late, 99), unit: 'ms', baseline: positive(percentile(loopback.late, 99)) });
    emit({ metric: 'lan.flip_early_count', value: Object.values(results).reduce((n, r) => n + r.early, 0), unit: 'count' });
    emit({ metric: 'lan.step_recovery_ms', value: finite(jitter.recovery), unit: 'ms', baseline: positive(loopback.recovery) });
    for (const [variant, r] of Object.entries(results)) {
      emit({ metric: `lan.${variant}.flip_late_p99_ms`, value: percentile(r.late, 99), unit: 'ms' });
      emit({ metric: `lan.${variant}.flip_early_count`, value: r.early, unit: 'count' });
      emit({ metric: `lan.${variant}.step_recovery_ms`, value: finite(r.recovery), unit: 'ms' });
      emit({ metric: `lan.${variant}.flips`, value: r.late.length, unit: 'count' });
      emit({ metric: `lan.${variant}.estimate_lag_p99_ms`, value: percentile(r.boundLag, 99), unit: 'ms' });
      emit({ metric: `lan.${variant}.timer_late_p99_ms`, value: percentile(r.rest, 99), unit: 'ms' });
    }
    const misses = Object.entries(results).flatMap(([v, r]) => [
      r.early > 0 && `${v}: ${r.early} early`,
      v !== 'loopback' && percentile(r.late, 99) >= 1000 / 60 && `${v}: p99 ${fmt(percentile(r.late, 99))} ms ≥ one frame`,
    ]).filter(Boolean);
    log(misses.length ? `over target: ${misses.join('; ')}` : 'all lan targets met (zero early, p99 under a frame behind every variant)');
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    for (const proxy of proxies) await proxy.close().catch(() => undefined);
    if (host) await stop(host);
    removeTempDir(dataDir);
  }
}

const positive = (x) => (Number.isFinite(x) && x > 0 ? x : undefined);
/** A page that never recovered is reported as the whole watch window, not as infinity. */
const finite = (x) => (Number.isFinite(x) ? x : 1e9);
