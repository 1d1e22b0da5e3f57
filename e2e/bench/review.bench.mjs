// review: how fast the take log answers at the size of a long-running show.
//
// review.page_p50_ms / review.page_p99_ms — POST /api/queryTakes for the first page (200 rows) of
//   six filter/sort combinations a crew uses (newest first; one artist; failed takes by length; a
//   quarter sorted by artist; text found in notes and marks; sorted by venue), round-robin, 600
//   calls in all (BENCH_REVIEW_CALLS), each on a fresh connection, timed from request to parsed
//   answer. Every filtered call asks something new (the next artist, a window a day later, another
//   word), so none is answered from the matches the review keeps for scrolling.
//   review.page_structured_p99_ms leaves the text search out; review.page_text_p99_ms is it alone.
// review.summary_p50_ms / review.summary_p99_ms — POST /api/takeSummary, 600 calls (no filter, a
//   quarter, one venue, failed takes only), the same way.
//   Baseline, interleaved in the same run: POST /api/getCountdown, the cheapest method, so `ratio`
//   is the review's cost over a bare round trip on this machine at this moment.
// review.page_after_change_p99_ms — the page right after an outcome change (each change is read
//   into the review's memory and moved within every sort's order, and the kept matches dropped).
// review.first_page_ms — the first page, 3 s after the host started (it reads the log into memory
//   in the background); the first call of each other sort, which builds that sort's order, is logged.
// review.page_api_p99_ms / review.summary_api_p99_ms — the same calls through the core's dispatch
//   in-process (validation, queries, no HTTP or JSON), on the same database: the API's own share,
//   in a process of its own started with the host's V8 flags (review-in-process.mjs).
//   review.cold_load_ms: there, the first call on a core with no warm-up, which has the review's
//   thread read every take (review.cold_load_loop_max_ms is the loop's longest stall meanwhile, from
//   monitorEventLoopDelay); review.index_mb: what the review's thread holds then (its heap and
//   buffers, garbage not yet collected included); review.loop_heap_mb: what the loop's own heap
//   grew by (JS heap + typed arrays, after GC): the index is not in it.
//   review.first_sorts_loop_max_ms: the loop's longest stall over the first page of each sort
//   (each has the thread build that sort's order over every take). Target < 20 ms.
//   Each of these stall figures (and startup's) comes with <prefix>machine_stall_max_ms, the longest
//   stall of a bare Node loop beside it over the same window, and <prefix>own_stall_max_ms, the
//   loop's own part (of each of its stalls, the time the bare loop was not stalled too), as never_late.
// startup.loop_stall_max_ms — the loop's longest stall (monitorEventLoopDelay) while the core opens
//   this store as both hosts do (openCoreChecked: quick_check in a worker, then the writable open);
//   its baseline is the same open with the check on the loop (openCore), which stalls it throughout.
//   Database: 10,000 plans, 100,000 takes (~5% rehearsals) and ~100,000 marks for 2,000 artists at
//   200 venues over three years, written with better-sqlite3 in one transaction into a data dir the
//   built host has just created (so the schema and indexes are the app's own). Target: p99 < 20 ms.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { median, percentile } from './stats.mjs';
import { spawnTracked, waitForListening, stop, request, tempDir, removeTempDir, HOST_NODE_FLAGS } from './proc.mjs';

export const name = 'review';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const PLANS = 10_000;
const TAKES_PER_PLAN = 10;
const CALLS = Number(process.env.BENCH_REVIEW_CALLS ?? 600);
/** How long the bench leaves the host after start, as an operator would before opening the log. */
const SETTLE_MS = 3_000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
/** What the crew searches for: words from notes, marks, songs and names, in both scripts. */
const TEXTS = ['slip', 'cue', 'mic', 'focus', 'camera 2', '소음', '조명', '실수', 'clean', 'high note', 'Love', 'Night', '사랑', '봄날',
  '하늘', 'Kim', 'Park', 'Hall', '민지', '별', 'dream', 'RAIN', 'light', 'late', '꿈', 'pop', 'cracked', 'Star', 'Road', '눈물'];

/** A deterministic shoot log: the same database on every run and machine. */
export function fill(file) {
  const db = new Database(file);
  let state = 20_261_126;
  const random = () => (state = (state * 48_271) % 2_147_483_647) / 2_147_483_647;
  const pick = (items) => items[Math.floor(random() * items.length)];
  const SYLLABLES = ['가', '나', '다', '민', '지', '서', '준', '윤', '별', '달', '꿈', '봄', '희', '하', '수'];
  const FAMILY = ['Kim', 'Lee', 'Park', 'Choi', 'Jung', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Seo'];
  const WORDS = ['Love', 'Night', 'Dream', 'Blue', 'Star', 'Road', 'Rain', 'Spring', 'Light', 'Heart'];
  const KOREAN = ['사랑', '밤', '꿈', '바람', '별', '봄날', '기억', '노래', '하늘', '눈물'];
  const NOTES = ['dancer slip', 'late cue', 'mic pop', 'camera 2 lost focus', '관객 소음', '조명 늦음', 'clean', 'cracked high note', '안무 실수'];
  const REASONS = ['vocal', 'choreography', 'camera', 'sound', 'lighting', 'interruption', 'other'];
  db.transaction(() => {
    const person = db.prepare(`INSERT INTO people (name, name_alt, roles, created_at) VALUES (?, ?, '["artist"]', 0)`);
    for (let i = 0; i < 2_000; i++) {
      const korean = pick(SYLLABLES) + pick(SYLLABLES) + pick(SYLLABLES);
      person.run(i % 3 === 0 ? `${korean} ${i}` : `${pick(FAMILY)} ${pick(WORDS)} ${i}`, korean);
    }
    const venue = db.prepare('INSERT INTO venues (name, created_at) VALUES (?, 0)');
    for (let i = 0; i < 200; i++) venue.run(i % 2 ? `${pick(KOREAN)} 홀 ${i}` : `${pick(WORDS)} Hall ${i}`);
    const plan = db.prepare(`INSERT INTO plans (artist_id, song, venue_id, shoot_date, countdown_ms, warning_ms, danger_ms, status, run_order, created_at, updated_at)
      VALUES (?, ?, ?, ?, 60000, 30000, 10000, 'shot', ?, 0, 0)`);
    const take = db.prepare(`INSERT INTO takes (plan_id, number, rehearsal, run, countdown_started_at, go_at, ended_at, outcome, failure_reason, note, logged_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Bench crew', ?)`);
    const mark = db.prepare('INSERT INTO take_marks (take_id, at_ms, note, created_at) VALUES (?, ?, ?, ?)');
    let run = 0;
    for (let p = 1; p <= PLANS; p++) {
      const day = START + Math.floor(random() * 1_000) * DAY;
      plan.run(1 + Math.floor(random() * 2_000), `${pick(WORDS)} ${pick(KOREAN)} ${p}`, random() < 0.1 ? null : 1 + Math.floor(random() * 200),
        new Date(day).toISOString().slice(0, 10), p);
      let number = 0;
      for (let k = 0; k < TAKES_PER_PLAN; k++) {
        const rehearsal = k === 0 && random() < 0.5 ? 1 : 0;
        const goAt = day + 10 * 3_600_000 + k * 600_000;
        const length = 150_000 + Math.floor(random() * 150_000);
        const r = random();
        const outcome = k === TAKES_PER_PLAN - 1 ? (r < 0.8 ? 'succeeded' : 'failed') : r < 0.7 ? 'failed' : r < 0.8 ? 'aborted' : r < 0.85 ? 'interrupted' : r < 0.9 ? 'pending' : 'succeeded';
        const id = take.run(p, rehearsal ? null : ++number, rehearsal, ++run, goAt - 60_000, goAt, random() < 0.01 ? null : goAt + length,
          outcome, outcome === 'failed' ? pick(REASONS) : null, random() < 0.3 ? pick(NOTES) : '', goAt).lastInsertRowid;
        for (let m = Math.floor(random() * 3); m > 0; m--) mark.run(id, Math.floor(random() * length), pick(NOTES), goAt);
      }
    }
  })();
  const counts = db.prepare('SELECT (SELECT count(*) FROM plans), (SELECT count(*) FROM takes), (SELECT count(*) FROM take_marks)').raw().get();
  db.close();
  return counts;
}

async function startHost(dataDir) {
  const child = spawnTracked(process.execPath, [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', dataDir, '--token', TOKEN], { cwd: ROOT });
  return { child, url: await waitForListening(child) };
}

/**
 * The same calls in-process, the core's own time without transport: in a process of its own with
 * the host's V8 flags (review-in-process.mjs), so its loop is the host's, not this one's.
 */
async function inProcess(dataDir, pages, summaries) {
  const calls = [];
  for (let i = 0; i < CALLS; i++) calls.push([{ ...pages[i % pages.length](i + 1), limit: 200 }, summaries[i % summaries.length](i + 1)]);
  const inputs = { cold: { ...pages[0](0), limit: 200 }, warmPages: pages.map((q) => ({ ...q(0), limit: 200 })), warmSummaries: summaries.map((q) => q(0)), calls };
  const inputsFile = path.join(dataDir, 'in-process-inputs.json');
  fs.writeFileSync(inputsFile, JSON.stringify(inputs));
  const child = spawnTracked(process.execPath, [...HOST_NODE_FLAGS, path.join(HERE, 'review-in-process.mjs'), dataDir, inputsFile], { cwd: ROOT });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.pipe(process.stderr);
  const code = await new Promise((resolve) => child.once('close', (status, signal) => resolve(status ?? signal)));
  if (code !== 0) throw new Error(`review-in-process.mjs exited with ${code}`);
  return JSON.parse(out.trim().split('\n').at(-1));
}

/** One call on a fresh connection; the figure is request to parsed envelope, as a client sees it. */
async function timedCall(url, method, input) {
  const t0 = performance.now();
  const response = await request(`${url}/api/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify(input),
  });
  const envelope = JSON.parse(response.body);
  const ms = performance.now() - t0;
  if (!envelope.ok) throw new Error(`${method} ${JSON.stringify(input)} was refused: ${response.body.slice(0, 300)}`);
  return { ms, value: envelope.value };
}

const fmt = (xs) => `p50 ${median(xs).toFixed(2)} ms, p99 ${percentile(xs, 99).toFixed(2)} ms`;

export async function run({ emit, log }) {
  if (!fs.existsSync(SERVE)) throw new Error(`${path.relative(ROOT, SERVE)} is missing: run \`npm run build\` first`);
  const dataDir = tempDir('cuelight-bench-review-');
  try {
    const first = await startHost(dataDir); // creates the store at the app's schema
    await stop(first.child);
    const t0 = performance.now();
    const [plans, takes, marks] = fill(path.join(dataDir, 'cuelight.sqlite'));
    log(`filled ${plans} plans, ${takes} takes, ${marks} marks in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const { child, url } = await startHost(dataDir);

    const venues = (await timedCall(url, 'listVenues', {})).value.map((v) => v.id);
    const artists = (await timedCall(url, 'listPeople', {})).value.map((p) => p.id);
    // Every filtered call asks something new (the next artist, a window a day later, another word), so
    // no answer comes from the matches the index keeps for scrolling; unfiltered calls are the same each time.
    const quarter = (i) => ({ fromMs: Date.UTC(2025, 0, 1) + (i % 300) * DAY, toMs: Date.UTC(2025, 3, 1) + (i % 300) * DAY });
    const pages = {
      newest: () => ({}),
      artist: (i) => ({ artistId: artists[(i * 37) % artists.length] }),
      failedByLength: (i) => ({ outcome: 'failed', fromMs: START + (i % 300) * DAY, sort: 'duration', direction: 'desc' }),
      quarterByArtist: (i) => ({ ...quarter(i), sort: 'artist', direction: 'asc' }),
      text: (i) => ({ text: TEXTS[i % TEXTS.length] }),
      byVenue: () => ({ sort: 'venue', direction: 'asc' }),
    };
    const summaries = {
      all: () => ({}),
      quarter,
      venue: (i) => ({ venueId: venues[(i * 7) % venues.length] }),
      failed: (i) => ({ outcome: 'failed', fromMs: START + (i % 300) * DAY }),
    };

    // The host reads the log into memory in the background after start; each sort's first call builds its order.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const totals = {};
    const cold = {};
    for (const [label, q] of Object.entries(pages)) {
      const { value, ms } = await timedCall(url, 'queryTakes', { ...q(0), limit: 200 }); // warm-up, and a sanity check
      if (value.rows.length === 0) throw new Error(`${label}: no rows`);
      totals[label] = value.total;
      cold[label] = ms;
    }
    log(`totals: ${Object.entries(totals).map(([k, v]) => `${k} ${v}`).join(', ')}`);
    log(`first call of each kind, ${SETTLE_MS / 1000} s after start: ${Object.entries(cold).map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
    for (const q of Object.values(summaries)) await timedCall(url, 'takeSummary', q(0));

    const pageMs = Object.fromEntries(Object.keys(pages).map((k) => [k, []]));
    const summaryMs = Object.fromEntries(Object.keys(summaries).map((k) => [k, []]));
    const baseline = [];
    const pageNames = Object.keys(pages);
    const summaryNames = Object.keys(summaries);
    // Interleaved, so the review calls and the baseline see the same machine noise.
    for (let i = 0; i < CALLS; i++) {
      const page = pageNames[i % pageNames.length];
      pageMs[page].push((await timedCall(url, 'queryTakes', { ...pages[page](i + 1), limit: 200 })).ms);
      const summary = summaryNames[i % summaryNames.length];
      summaryMs[summary].push((await timedCall(url, 'takeSummary', summaries[summary](i + 1))).ms);
      baseline.push((await timedCall(url, 'getCountdown', {})).ms);
    }
    // A crew member logs an outcome, then the table refreshes: the page after each change.
    const afterChange = [];
    const takeIds = (await timedCall(url, 'queryTakes', { limit: 500 })).value.rows.map((r) => r.id);
    for (let i = 0; i < CALLS; i++) {
      const outcome = i % 2 ? { outcome: 'succeeded' } : { outcome: 'failed', failureReason: 'camera' };
      await timedCall(url, 'setTakeOutcome', { id: takeIds[(i * 7) % takeIds.length], ...outcome });
      afterChange.push((await timedCall(url, 'queryTakes', { ...pages[pageNames[i % pageNames.length]](i), limit: 200 })).ms);
    }
    await stop(child);

    for (const [label, xs] of Object.entries(pageMs)) log(`page ${label}: ${fmt(xs)}`);
    for (const [label, xs] of Object.entries(summaryMs)) log(`summary ${label}: ${fmt(xs)}`);
    log(`baseline getCountdown: ${fmt(baseline)}`);
    const api = await inProcess(dataDir, Object.values(pages), Object.values(summaries));
    log(`in-process dispatch: page ${fmt(api.page)}; summary ${fmt(api.summary)}`);

    const allPages = Object.values(pageMs).flat();
    const structured = Object.entries(pageMs).flatMap(([label, xs]) => (label === 'text' ? [] : xs));
    const allSummaries = Object.values(summaryMs).flat();
    const figures = [
      { metric: 'review.page_p50_ms', value: median(allPages), baseline: median(baseline) },
      { metric: 'review.page_p99_ms', value: percentile(allPages, 99), baseline: percentile(baseline, 99) },
      { metric: 'review.page_structured_p99_ms', value: percentile(structured, 99), baseline: percentile(baseline, 99) },
      { metric: 'review.page_text_p99_ms', value: percentile(pageMs.text, 99), baseline: percentile(baseline, 99) },
      { metric: 'review.summary_p50_ms', value: median(allSummaries), baseline: median(baseline) },
      { metric: 'review.summary_p99_ms', value: percentile(allSummaries, 99), baseline: percentile(baseline, 99) },
      { metric: 'review.page_after_change_p99_ms', value: percentile(afterChange, 99), baseline: percentile(baseline, 99) },
      { metric: 'review.page_api_p99_ms', value: percentile(api.page, 99) },
      { metric: 'review.summary_api_p99_ms', value: percentile(api.summary, 99) },
    ];
    log(`page after an outcome change: ${fmt(afterChange)}`);
    emit({ metric: 'review.first_page_ms', value: cold.newest, unit: 'ms', baseline: median(baseline) });
    emit({ metric: 'review.cold_load_ms', value: api.coldLoad, unit: 'ms' });
    const stallFigures = (prefix, loopMetric, { loopMax, machineMax, ownMax }, baseline) => {
      const said = `the loop's longest stall ${loopMax.toFixed(1)} ms (a bare loop beside it: ${machineMax.toFixed(1)} ms; its own part: ${ownMax.toFixed(1)} ms)`;
      if (loopMax >= 20) log(`over target: ${loopMetric} ${loopMax.toFixed(2)} ms (target < 20 ms)`);
      emit({ metric: loopMetric, value: loopMax, unit: 'ms', ...(baseline === undefined ? {} : { baseline }) });
      emit({ metric: `${prefix}machine_stall_max_ms`, value: machineMax, unit: 'ms' });
      emit({ metric: `${prefix}own_stall_max_ms`, value: ownMax, unit: 'ms' });
      return said;
    };
    log(`cold load: ${stallFigures('review.cold_load_', 'review.cold_load_loop_max_ms', api.stalls.coldLoad)}`);
    log(`first page of each sort: ${stallFigures('review.first_sorts_', 'review.first_sorts_loop_max_ms', api.stalls.firstSorts)}`);
    emit({ metric: 'review.index_mb', value: api.threadMb, unit: 'MB' });
    emit({ metric: 'review.loop_heap_mb', value: api.loopHeapMb, unit: 'MB' });
    log(`start-up, the check in a worker: ${stallFigures('startup.', 'startup.loop_stall_max_ms', api.stalls.startup, api.startupOnLoop)}; ${api.startupOnLoop.toFixed(1)} ms with it on the loop`);
    for (const f of figures) {
      if (f.metric.includes('p99') && f.value >= 20) log(`over target: ${f.metric} ${f.value.toFixed(2)} ms (target < 20 ms)`);
      emit({ ...f, unit: 'ms' });
    }
  } finally {
    removeTempDir(dataDir);
  }
}
