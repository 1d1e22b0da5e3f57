// The crash drill shared by e2e/crash.spec.ts (≥ 50 kills) and e2e/bench/takes.bench.mjs (1,000):
// drive the headless host through its HTTP API — plans, countdowns, takes, marks, outcomes —,
// SIGKILL it at a random moment (usually mid-request), check the file, restart, check again.
// Only answers with ok:true count as acknowledged; a request cut off by the kill is "unsure".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inspectStore } from './check.mjs';

class HostGone extends Error {}

/** A small seeded generator (mulberry32), so a failing run can be replayed from its seed. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Everything the host acknowledged, and what was sent but never answered. */
function newModel() {
  return {
    plans: new Map(), // id -> song
    takes: new Map(), // id -> { run, goAt }
    ended: new Set(),
    marks: new Map(), // note -> takeId
    outcomes: new Map(), // takeId -> outcome
    changes: [], // { takeId, before, after }: an outcome changed after the fact
    unsureMarks: new Set(),
    unsureOutcomes: new Map(), // takeId -> outcomes sent, unanswered
    acknowledged: 0,
  };
}

async function call(ctx, method, input) {
  let response;
  ctx.live.pending++;
  try {
    response = await fetch(`${ctx.url}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` },
      body: JSON.stringify(input ?? {}),
    });
    return await response.json();
  } catch {
    throw new HostGone(`${method}: the host is gone`);
  } finally {
    ctx.live.pending--;
  }
}

/** Calls a method that changes something; counts the change only once the host said ok. */
async function change(ctx, method, input) {
  const reply = await call(ctx, method, input);
  if (reply.ok) ctx.model.acknowledged++;
  return reply;
}

const pick = (rng, list) => list[Math.floor(rng() * list.length)];

async function createPlan(ctx) {
  const song = `crash-${ctx.seed}-${ctx.counter++}`;
  const reply = await change(ctx, 'createPlan', { artist: { name: 'Crash Drill' }, song, countdownMs: 600_000 });
  if (reply.ok) ctx.model.plans.set(reply.value.id, song);
}

async function addMark(ctx, takeId) {
  const note = `mark-${ctx.seed}-${ctx.counter++}`;
  ctx.model.unsureMarks.add(note);
  const reply = await change(ctx, 'addTakeMark', { takeId, note });
  if (!reply.ok) return;
  ctx.model.unsureMarks.delete(note);
  ctx.model.marks.set(note, takeId);
}

async function setOutcome(ctx, takeId) {
  const { model, rng } = ctx;
  const outcome = rng() < 0.6 ? 'succeeded' : 'failed';
  const before = model.outcomes.get(takeId);
  const sure = !model.unsureOutcomes.has(takeId);
  model.unsureOutcomes.set(takeId, [...(model.unsureOutcomes.get(takeId) ?? []), outcome]);
  const reply = await change(ctx, 'setTakeOutcome', { id: takeId, outcome, ...(outcome === 'failed' ? { failureReason: pick(rng, ['vocal', 'camera', 'sound']) } : {}) });
  if (!reply.ok) return;
  model.unsureOutcomes.delete(takeId);
  model.outcomes.set(takeId, outcome);
  if (sure && before !== undefined && before !== outcome) model.changes.push({ takeId, before, after: outcome });
}

/** The stage manager: arm, start, pause, Go now, marks, end, outcomes (changed after the fact too). */
async function flow(ctx) {
  const { model, rng } = ctx;
  let snap = (await call(ctx, 'getCountdown')).value;
  const logged = new Map(); // takeId -> outcomes set this session
  const send = async (command) => {
    const reply = await change(ctx, 'countdownCommand', command);
    if (!reply.ok) return (snap = (await call(ctx, 'getCountdown')).value);
    snap = reply.value;
    if (command.type === 'goNow' && snap.takeId !== null) model.takes.set(snap.takeId, { run: snap.run, goAt: snap.goAt });
    if (command.type === 'end' && snap.takeId !== null) model.ended.add(snap.takeId);
  };
  for (;;) {
    const r = rng();
    const takeId = snap.takeId;
    if (snap.phase === 'idle' || snap.phase === 'ended') {
      if (takeId !== null && (logged.get(takeId) ?? 0) < 2 && r < 0.6) {
        logged.set(takeId, (logged.get(takeId) ?? 0) + 1);
        await setOutcome(ctx, takeId);
      } else {
        if (model.plans.size === 0) await createPlan(ctx);
        await send({ type: 'arm', planId: pick(rng, [...model.plans.keys()]), rehearsal: rng() < 0.2 });
      }
    } else if (snap.phase === 'standby') await send({ type: 'start' });
    else if (snap.phase === 'counting') await send(r < 0.2 ? { type: 'pause' } : r < 0.25 ? { type: 'reset' } : { type: 'goNow' });
    else if (snap.phase === 'paused') await send(r < 0.5 ? { type: 'resume' } : { type: 'goNow' });
    else if (r < 0.45) await addMark(ctx, takeId);
    else if (r < 0.55) await setOutcome(ctx, takeId);
    else if (r < 0.6) await send({ type: 'reset' });
    else await send({ type: 'end' });
  }
}

/** Another operator at the same time: new plans, marks on recent takes, stage messages. */
async function side(ctx) {
  const { model, rng } = ctx;
  for (;;) {
    const r = rng();
    const recent = [...model.takes.keys()].slice(-5);
    if (r < 0.15 || model.plans.size === 0) await createPlan(ctx);
    else if (r < 0.8 && recent.length) await addMark(ctx, pick(rng, recent));
    else await change(ctx, 'setStageMessage', { text: `round ${ctx.round}` });
  }
}

const quiet = (promise) => promise.catch((error) => (error instanceof HostGone ? undefined : Promise.reject(error)));

/**
 * Runs `kills` rounds on one data dir. `start(dataDir, {demo})` resolves {url, kill()}; `kill`
 * must SIGKILL the host and wait for it to exit. Resolves the tally; never throws on a finding.
 */
export async function runCrashRounds({ kills, start, token, seed = Date.now() % 1_000_000, minMs = 20, maxMs = 400, log = () => {}, dataDir: given }) {
  const dataDir = given ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-crash-'));
  const rng = random(seed);
  const model = newModel();
  const tally = { seed, kills: 0, midRequest: 0, acknowledged: 0, lost: 0, duplicated: 0, integrityFailures: 0, interruptedChecked: 0, notInterrupted: 0, badBackups: 0, problems: [] };
  const note = (kind, items) => items.length && tally.problems.length < 20 && tally.problems.push(`kill ${tally.kills}: ${kind}: ${items.slice(0, 5).join(', ')}`);
  let host = await start(dataDir, { demo: true });
  try {
    for (let round = 0; round < kills; round++) {
      const live = { pending: 0 };
      const ctx = { url: host.url, token, model, rng, seed, round, counter: round * 1000, live };
      const streams = [quiet(flow(ctx)), quiet(side({ ...ctx, counter: round * 1000 + 500 }))];
      await new Promise((resolve) => setTimeout(resolve, minMs + rng() * (maxMs - minMs)));
      if (live.pending > 0) tally.midRequest++;
      await host.kill();
      await Promise.all(streams);
      tally.kills++;
      const found = inspectStore(path.join(dataDir, 'cuelight.sqlite'), model);
      if (found.integrity !== 'ok') tally.integrityFailures++;
      if (found.integrity !== 'ok') note('integrity_check', [found.integrity]);
      tally.lost += found.lost.length;
      note('acknowledged but missing', found.lost);
      tally.duplicated += found.duplicated.length;
      note('duplicated', found.duplicated);
      host = await start(dataDir, { demo: false });
      ctx.url = host.url;
      for (const id of found.open) {
        tally.interruptedChecked++;
        const take = await call(ctx, 'getTake', { id });
        if (take.value?.outcome !== 'interrupted') {
          tally.notInterrupted++;
          note('running take not shown as interrupted', [`take ${id}: ${take.value?.outcome}`]);
        }
      }
      if ((round + 1) % 50 === 0) log(`${round + 1} kills, ${model.acknowledged} changes acknowledged, ${tally.lost} lost`);
    }
    tally.acknowledged = model.acknowledged;
    tally.badBackups = countBadBackups(path.join(dataDir, 'backups'));
  } finally {
    await host.kill();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return tally;
}

/** Every backup left by the drill must pass quick_check: a kill mid-backup may leave none half-made. */
function countBadBackups(dir) {
  let bad = 0;
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!/^cuelight-[\w.-]+\.sqlite$/.test(name)) continue;
    const db = new Database(path.join(dir, name), { readonly: true });
    if (db.pragma('quick_check', { simple: true }) !== 'ok') bad++;
    db.close();
  }
  return bad;
}
