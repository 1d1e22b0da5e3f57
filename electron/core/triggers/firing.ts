/**
 * Firing show control's moments: payloads encoded and connections opened at arm, so at the moment
 * only writes remain; with the wall clock, on its own timer and a last wait on the clock, never
 * before the moment. Each trigger fires at most once per run, whoever asks (its key says which).
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Clock } from '../clock';
import { preciseWallClock } from '../clock';
import type { ActionOutcome, ArmedAction } from './action';
import { armAction } from './arm';
import { DeckPool } from './hyperdeck';
import { rehearse } from './rehearsal';
import type { FireItem, FromFireThread, ToFireThread } from './fire-protocol';

/** Connections open this long before their moment (receivers drop idle connections after a while). */
const WARM_MS = 2_000;
/**
 * The timer aims this far ahead of the moment; the rest is waited out on the clock (timers wake to
 * the ms at best). CUELIGHT_TRIGGER_SPIN_MS changes it, for measuring with the triggers bench only.
 */
const SPIN_MS = Number(process.env.CUELIGHT_TRIGGER_SPIN_MS ?? 1);
/** Longest wait on the clock before giving the thread back (a timer that woke far too early). */
const SPIN_BUDGET_MS = SPIN_MS + 2;
/**
 * On its own thread the timer aims this far ahead, and the thread then sleeps to just before the
 * moment in `Atomics.wait`, which wakes to a fraction of a millisecond (a futex with a timeout),
 * where a timer wakes to libuv's whole milliseconds plus the scheduler's delay. Sleeping, not
 * spinning: on a 2-core machine a spinning thread takes the core the receivers need.
 */
const WAKE_AHEAD_MS = 5;
/** What is left after the sleep is waited out on the clock: the futex's own wake-up delay. */
const FINAL_SPIN_MS = 0.2;
/** No rehearsal while a moment is closer than this: a rehearsal and its collection take the thread for 10–20 ms. */
const REHEARSE_BEFORE_MS = 500;
const SLEEPER = new Int32Array(new SharedArrayBuffer(4));

/** Sleeps this thread until `at` (never longer than the wake-ahead: a timer far too early re-arms). */
function sleepUntil(at: number, now: () => number): void {
  const ms = Math.min(at - now(), WAKE_AHEAD_MS + 1);
  if (ms > 0) Atomics.wait(SLEEPER, 0, 0, ms);
}

/**
 * A full garbage collection, asked for on the firing thread after each rehearsal (2 s before a
 * moment): V8 otherwise runs its own full collections (5–6 ms on this thread, measured) on a
 * timer of its own a few seconds after a burst of work, and one landing at zero makes every
 * trigger that late.
 */
function exposeGc(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
}

interface Moment {
  at: number;
  items: FireItem[];
  armed: Map<string, ArmedAction> | null;
  timers: ReturnType<typeof setTimeout>[];
}

/**
 * Show control's firing, wherever it runs: its sockets, its moments and its own timers. Answers
 * go to `post`. Normally on the firing thread (fire.worker.ts); in the host's loop only when the
 * thread's file is missing (fire-thread.ts says so in the log).
 */
export function createFiring(selfTimed: boolean, post: (message: FromFireThread) => void, ownThread = false): (message: ToFireThread) => void {
  // Blocking sleeps only on the firing thread: never on the host's loop (the fallback).
  const aheadMs = ownThread ? WAKE_AHEAD_MS : SPIN_MS;
  const precise = preciseWallClock();
  if (selfTimed) precise(); // anchored now, not in a moment's last wait
  let hostNow = 0;
  const clock: Clock = {
    now: () => (selfTimed ? precise() : hostNow),
    setTimer(fn, ms) {
      const timer = setTimeout(fn, Math.max(0, ms));
      return () => clearTimeout(timer);
    },
  };
  const decks = new DeckPool();
  const firedKeys = new Set<string>();
  const moments = new Map<number, Moment>();
  let rehearsing = false;
  const collectGarbage = ownThread ? exposeGc() : null;

  /**
   * On its own thread, show control rehearses at start and again as each moment warms up (code
   * left unused for long may be dropped by V8), so a moment never runs cold code.
   */
  function momentNear(): boolean {
    const now = precise();
    for (const moment of moments.values()) if (moment.at > now && moment.at - now < REHEARSE_BEFORE_MS) return true;
    return false;
  }

  function rehearseNow(): void {
    if (!ownThread || !selfTimed || rehearsing || momentNear()) return;
    rehearsing = true;
    rehearse(clock)
      .then(() => momentNear() || collectGarbage?.()) // a slow rehearsal never collects close to a moment
      .catch((error: unknown) => console.error(`Show control's rehearsal failed: ${(error as Error).message}`))
      .finally(() => (rehearsing = false));
  }
  rehearseNow();

  /** Keys of runs before the previous one can never come again. */
  function forgetOldRuns(run: number): void {
    for (const key of firedKeys) if (Number(key.slice(0, key.indexOf(':'))) < run - 1) firedKeys.delete(key);
  }

  function launch(key: string, action: ArmedAction): void {
    void action
      .fire()
      .catch((error: unknown): ActionOutcome => ({ status: 'failed', detail: (error as Error).message, sentAt: null }))
      .then((outcome) => post({ type: 'outcome', key, outcome }));
  }

  function warm(moment: Moment): Map<string, ArmedAction> {
    return (moment.armed ??= new Map(moment.items.map((item) => [item.key, armAction(item.trigger, item.fields, clock, decks, true)])));
  }

  function fire(id: number): void {
    const moment = moments.get(id);
    if (!moment) return; // fired already, or cancelled
    moments.delete(id);
    for (const timer of moment.timers) clearTimeout(timer);
    const armed = warm(moment);
    for (const item of moment.items) {
      const action = armed.get(item.key)!;
      if (firedKeys.has(item.key)) {
        action.dispose();
        continue;
      }
      firedKeys.add(item.key);
      launch(item.key, action);
    }
  }

  /** Waits out the last millisecond on the clock, never past the moment's start, then fires. */
  function fireOnTime(id: number): void {
    const moment = moments.get(id);
    if (!moment) return;
    if (ownThread) sleepUntil(moment.at - FINAL_SPIN_MS, precise);
    const giveUp = performance.now() + SPIN_BUDGET_MS;
    while (precise() < moment.at && performance.now() < giveUp) {
      // spin: at most a few milliseconds, and only before the moment
    }
    if (precise() < moment.at) {
      moment.timers.push(setTimeout(() => fireOnTime(id), moment.at - precise() - aheadMs));
      return;
    }
    fire(id);
  }

  function arm(message: Extract<ToFireThread, { type: 'arm' }>): void {
    const moment: Moment = { at: message.at, items: message.items, armed: null, timers: [] };
    moments.set(message.moment, moment);
    if (message.items[0]) forgetOldRuns(message.items[0].fields.run);
    if (!selfTimed) {
      warm(moment); // time moves only when the host says so: ready now, fired when asked
      return;
    }
    const now = precise();
    const warmUp = () => {
      rehearseNow();
      warm(moment);
    };
    if (moment.at - WARM_MS <= now) warmUp();
    else moment.timers.push(setTimeout(warmUp, moment.at - WARM_MS - now));
    moment.timers.push(setTimeout(() => fireOnTime(message.moment), moment.at - now - aheadMs));
  }

  function cancel(id: number): void {
    const moment = moments.get(id);
    if (!moment) return;
    moments.delete(id);
    for (const timer of moment.timers) clearTimeout(timer);
    for (const action of moment.armed?.values() ?? []) action.dispose();
  }

  return (message: ToFireThread) => {
    if ('hostNow' in message) hostNow = message.hostNow;
    switch (message.type) {
      case 'arm':
        return arm(message);
      case 'fire':
        return fire(message.moment);
      case 'cancel':
        return cancel(message.moment);
      case 'fireNow':
        for (const item of message.items) {
          if (firedKeys.has(item.key)) continue;
          firedKeys.add(item.key);
          launch(item.key, armAction(item.trigger, item.fields, clock, decks, false));
        }
        return;
      case 'test':
        void armAction(message.trigger, message.fields, clock, decks, false, true)
          .fire()
          .then((outcome) => post({ type: 'tested', request: message.request, outcome }));
        return;
      case 'close':
        for (const id of [...moments.keys()]) cancel(id);
        decks.close();
        post({ type: 'closed' });
    }
  };
}
