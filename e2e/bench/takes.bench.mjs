// takes: what a take's data costs to make safe, and proof that it stays safe when the host dies.
//
// takes.commit_p50_ms / takes.commit_p99_ms — one outcome change (setTakeOutcome through the
//   core's dispatch: validation, one transaction with its history row, WAL + synchronous=NORMAL,
//   the WAL's fdatasync up to the answer (db/wal-sync.ts: on the loop between takes, as here, even
//   while the review reads ahead after start; in libuv's thread pool while a countdown counts or a
//   worker writes a backup or checkpoint); telling displays and firing show control follow the
//   answer, on the next turn of the loop, which the loop below gives between samples),
//   measured in-process on a core opened on a temp dir (the core is bundled from source with
//   esbuild into dist/bench/, the same way the hosts are), so no HTTP or JSON is in the figure,
//   once the core has settled after its start (the review's read-ahead done, then 1 s idle).
//   Baseline, interleaved sample for sample in the same temp dir (the series take turns going
//   first each round): fs.writeSync of as many bytes as one outcome commit appends to the WAL (its
//   frames, measured in this run: 2 pages) + fs.fdatasyncSync — the same durable write without
//   the database (fsync.p50_ms / fsync.p99_ms); fsync_4k.* is the same loop with one 4 KiB page.
//   Target: takes.commit_p99_ms within 2x of fsync.p99_ms. The WAL is checkpointed between calls,
//   never inside a commit, by the core's policy (electron/core/db/wal.ts: once ~500 rows
//   have changed); the loop asks that policy before every commit, as if the core's idle tick came
//   between each two operator actions, outside the timed region. takes.checkpoint_p99_ms is the
//   time of the checkpoints it ran (the store's own checkpointWal, on the bench's thread, as the
//   host's loop runs it between takes; with a backup or an import writing, the host runs it in a
//   worker, and while a countdown counts, not at all): each one also starts the WAL over, and
//   SQLite's fsync of the new WAL header that comes with it is in this figure, not in a commit's.
// sqlite.commit_p50_ms / sqlite.commit_p99_ms — the same two pages written by SQLite alone (the
//   UPDATE of an outcome change on another take and an INSERT of a history row of the same size as
//   the app's, into a copy of the history table, one IMMEDIATE transaction, no validation or reads),
//   interleaved in the same loop, then fdatasync of its WAL on the spot (what synchronous=FULL
//   would do): what SQLite's commit costs on this disk (it writes each frame's header and page
//   separately), so the app's own share is the difference.
//   Both series add to the end of their own history b-tree, as logging the take just shot does; a
//   change to an older take's outcome lands mid-tree, and splits a leaf (five pages) more often.
// takes.crash_kills / takes.crash_lost / takes.crash_integrity_failures — the crash drill of
//   e2e/crash/workload.mjs: the built headless host driven over HTTP (plans, countdowns, takes,
//   marks, outcomes), SIGKILLed at a random moment each round, the file checked
//   (PRAGMA integrity_check, every acknowledged change present, nothing doubled), restarted.
//   BENCH_CRASH_KILLS (default 1000; ~0.6 s a kill) and BENCH_COMMITS (default 2000) scale it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { median, percentile } from './stats.mjs';
import { loadCore } from './core.mjs';
import { spawnTracked, waitForListening, exited, tempDir, removeTempDir, HOST_NODE_FLAGS } from './proc.mjs';
import { runCrashRounds } from '../crash/workload.mjs';

export const name = 'takes';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVE = path.join(ROOT, 'dist', 'electron', 'serve.cjs');
const TOKEN = 'bench';
const KILLS = Number(process.env.BENCH_CRASH_KILLS ?? 1000);
const COMMITS = Number(process.env.BENCH_COMMITS ?? 2000);
const WARMUP = 50;
/** How long the host is left idle after its start-up work before the first commit. */
const SETTLE_MS = 1000;

async function ok(dispatch, core, method, input) {
  const reply = await dispatch(core, method, input, { canControl: true });
  if (!reply.ok) throw new Error(`${method} was refused: ${reply.error.message}`);
  return reply.value;
}

/** Bytes one outcome commit appends to the WAL: its frames (page + 24-byte header), averaged. */
async function walBytesPerCommit(dispatch, core, takeId) {
  let frames = 0;
  for (let i = 0; i < 20; i++) {
    core.db.pragma('wal_checkpoint(PASSIVE)'); // the next commit starts the WAL over
    await ok(dispatch, core, 'setTakeOutcome', { id: takeId, outcome: i % 2 ? 'succeeded' : 'aborted' });
    frames += core.db.pragma('wal_checkpoint(PASSIVE)')[0].log;
  }
  return Math.round(frames / 20) * (4096 + 24);
}

/** One raw durable write: `bytes` at a rotating offset of a preallocated region, then fdatasync. */
function rawWrite(fd, buffer, i) {
  const t0 = performance.now();
  fs.writeSync(fd, buffer, 0, buffer.length, (i % 64) * buffer.length);
  fs.fdatasyncSync(fd);
  return performance.now() - t0;
}

/** Every order of `items` (4 items: 24 orders). */
function orders(items) {
  if (items.length <= 1) return [items];
  return items.flatMap((first, k) => orders([...items.slice(0, k), ...items.slice(k + 1)]).map((rest) => [first, ...rest]));
}
const ORDERS = orders(['commits', 'bare', 'syncs', 'pageSyncs']);

async function commitLatency(log) {
  const { openCore, dispatch, Checkpointer, checkpointWal } = await loadCore('core', ["export { Checkpointer, checkpointWal } from './electron/core/db/wal';"]);
  const dir = tempDir('cuelight-bench-commit-');
  const core = openCore({ dataDir: dir, demo: true, warmReview: true });
  const fd = fs.openSync(path.join(dir, 'fsync-probe.bin'), 'w+');
  try {
    const planId = (await ok(dispatch, core, 'listPlans', undefined))[0].id;
    await ok(dispatch, core, 'countdownCommand', { type: 'arm', planId });
    const go = await ok(dispatch, core, 'countdownCommand', { type: 'goNow' });
    await ok(dispatch, core, 'countdownCommand', { type: 'end' });
    await ok(dispatch, core, 'countdownCommand', { type: 'arm', planId });
    const other = await ok(dispatch, core, 'countdownCommand', { type: 'goNow' }); // the bare SQLite loop's own take
    await ok(dispatch, core, 'countdownCommand', { type: 'end' });
    await core.shutdown(); // the after-take backup is not part of an outcome commit
    const live = openCore({ dataDir: dir, warmReview: true });
    // A settled host, as the crew finds it minutes after start: the review's read-ahead done (its
    // first answer waits for it) and the threads started at open idle. Measured from open, the first
    // 200 rounds' p99 was 1.3-3.3 ms against 0.4-0.8 ms for the rest (three runs).
    await ok(dispatch, live, 'queryTakes', { limit: 1 });
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const bytes = await walBytesPerCommit(dispatch, live, go.takeId);
    const same = Buffer.alloc(bytes, 7);
    const page = Buffer.alloc(4096, 7);
    fs.writeSync(fd, Buffer.alloc(64 * bytes)); // a reused region, as a WAL is after each checkpoint
    fs.fdatasyncSync(fd);
    const samples = { commits: [], bare: [], syncs: [], pageSyncs: [], checkpoints: [] };
    const checkpointer = new Checkpointer(live.db);
    // The same two pages written by SQLite alone: the statements an outcome change runs, in one
    // IMMEDIATE transaction, with no validation, no reads and no answer to build. Its history rows
    // are the app's, byte for byte in size, in a copy of the history table: each series then adds
    // to the end of its own b-tree, as logging the take just shot does, and splits a leaf as often.
    const db = live.db;
    const historySql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'take_outcome_history'").pluck().get();
    db.exec(historySql.replace('take_outcome_history', 'bench_outcome_history'));
    const update = db.prepare('UPDATE takes SET outcome = ?, failure_reason = ? WHERE id = ?');
    const history = db.prepare(
      `INSERT INTO bench_outcome_history (take_id, seq, changed_at, changed_by, before_outcome, after_outcome, before_reason, after_reason)
       VALUES (@id, (SELECT coalesce(max(seq), 0) + 1 FROM bench_outcome_history WHERE take_id = CAST(@id AS INTEGER)), @at, '', @before, @after, @beforeReason, @afterReason)`,
    );
    const walFd = fs.openSync(path.join(dir, 'cuelight.sqlite-wal'), 'r+');
    const bare = db.transaction((i) => {
      const [after, afterReason] = i % 2 ? ['succeeded', null] : ['failed', 'camera'];
      const [before, beforeReason] = i % 2 ? ['failed', 'camera'] : ['succeeded', null];
      update.run(after, afterReason, other.takeId);
      history.run({ id: other.takeId, at: Date.now(), before, after, beforeReason, afterReason });
    }).immediate;
    for (let i = 0; i < WARMUP + COMMITS; i++) {
      const keep = i >= WARMUP;
      // A turn of the event loop, as between two requests: what follows each reply (displays told,
      // show control fired) runs here, outside the timed region, as it runs after the reply in a host.
      await new Promise((resolve) => setImmediate(resolve));
      // What the core's idle tick does between an operator's actions (it never runs inside a commit).
      const t0c = performance.now();
      if (checkpointer.takeDue()) {
        checkpointWal(live.db); // as the store does on its loop between takes
        if (keep) samples.checkpoints.push(performance.now() - t0c);
      }
      // Alternate outcomes, so every commit also writes a history row (who, when, before -> after).
      const input = i % 2 ? { id: go.takeId, outcome: 'succeeded' } : { id: go.takeId, outcome: 'failed', failureReason: 'camera' };
      const timed = {
        commits: async () => {
          const t0 = performance.now();
          await ok(dispatch, live, 'setTakeOutcome', input);
          return performance.now() - t0;
        },
        bare: async () => {
          const t0 = performance.now();
          bare(i);
          fs.fdatasyncSync(walFd);
          return performance.now() - t0;
        },
        syncs: async () => rawWrite(fd, same, i),
        pageSyncs: async () => rawWrite(fd, page, i),
      };
      // Each round takes the next of the 24 orders of the four: every series goes first, and follows
      // each other one, equally often. What the machine is still doing after a write (a journal
      // commit, a CPU that slept through an fsync) lands on whatever comes next; a plain rotation
      // always put the app's commit right after the 4 KiB fdatasync, and the bare loop after it.
      for (const series of ORDERS[i % ORDERS.length]) {
        const ms = await timed[series]();
        if (keep) samples[series].push(ms);
      }
    }
    const logged = live.db.prepare('SELECT count(*) FROM take_outcome_history WHERE take_id = ?').pluck().get(go.takeId);
    if (logged < COMMITS) throw new Error(`expected ${COMMITS} history rows, found ${logged}`);
    live.close();
    fs.closeSync(walFd);
    log(`${COMMITS} outcome commits (${bytes} WAL bytes each) vs write+fdatasync of ${bytes} and of 4096 bytes, interleaved in all 24 orders; ${samples.checkpoints.length} checkpoints`);
    return samples;
  } finally {
    fs.closeSync(fd);
    removeTempDir(dir);
  }
}

/** The built host on `dataDir`, with a kill that is a real SIGKILL. */
async function startHost(dataDir, { demo }) {
  const args = [...HOST_NODE_FLAGS, SERVE, '--port', '0', '--data-dir', dataDir, '--token', TOKEN, ...(demo ? ['--demo'] : [])];
  const child = spawnTracked(process.execPath, args, { cwd: ROOT });
  const url = await waitForListening(child);
  child.stdout.resume();
  child.stderr.resume();
  return {
    url,
    async kill() {
      const done = exited(child);
      child.kill('SIGKILL');
      await done;
    },
  };
}

export async function run({ emit, log }) {
  const { commits, bare, syncs, pageSyncs, checkpoints } = await commitLatency(log);
  const fsyncP50 = median(syncs);
  const fsyncP99 = percentile(syncs, 99);
  emit({ metric: 'fsync.p50_ms', value: fsyncP50, unit: 'ms' });
  emit({ metric: 'fsync.p99_ms', value: fsyncP99, unit: 'ms' });
  emit({ metric: 'fsync_4k.p50_ms', value: median(pageSyncs), unit: 'ms' });
  emit({ metric: 'fsync_4k.p99_ms', value: percentile(pageSyncs, 99), unit: 'ms' });
  emit({ metric: 'takes.commit_p50_ms', value: median(commits), unit: 'ms', baseline: fsyncP50 });
  emit({ metric: 'takes.commit_p99_ms', value: percentile(commits, 99), unit: 'ms', baseline: fsyncP99 });
  emit({ metric: 'sqlite.commit_p50_ms', value: median(bare), unit: 'ms', baseline: fsyncP50 });
  emit({ metric: 'sqlite.commit_p99_ms', value: percentile(bare, 99), unit: 'ms', baseline: fsyncP99 });
  log(`the app's outcome commit over SQLite's bare commit of the same pages: p50 ${(median(commits) / median(bare)).toFixed(2)}x, p99 ${(percentile(commits, 99) / percentile(bare, 99)).toFixed(2)}x`);
  if (checkpoints.length) emit({ metric: 'takes.checkpoint_p99_ms', value: percentile(checkpoints, 99), unit: 'ms' });

  log(`crash drill: ${KILLS} kills (BENCH_CRASH_KILLS to change)`);
  const started = performance.now();
  const tally = await runCrashRounds({ kills: KILLS, start: startHost, token: TOKEN, log, dataDir: tempDir('cuelight-bench-crash-') });
  log(`crash drill done in ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${tally.seed}: ${JSON.stringify({ ...tally, problems: undefined })}`);
  for (const problem of tally.problems) log(`  ${problem}`);
  emit({ metric: 'takes.crash_kills', value: tally.kills, unit: 'count' });
  emit({ metric: 'takes.crash_acknowledged', value: tally.acknowledged, unit: 'count' });
  emit({ metric: 'takes.crash_lost', value: tally.lost, unit: 'count' });
  emit({ metric: 'takes.crash_duplicated', value: tally.duplicated, unit: 'count' });
  emit({ metric: 'takes.crash_integrity_failures', value: tally.integrityFailures, unit: 'count' });
  emit({ metric: 'takes.crash_not_interrupted', value: tally.notInterrupted, unit: 'count' });
  if (tally.lost || tally.duplicated || tally.integrityFailures || tally.notInterrupted || tally.badBackups) {
    throw new Error(`the crash drill found problems (seed ${tally.seed}); see above`);
  }
}
