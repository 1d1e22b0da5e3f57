/**
 * The countdown engine: pure functions of (state, command, now). Time is absolute host time in
 * epoch milliseconds; the deadline is stored, never a tick count, so nothing can drift.
 */
import { refusalText, type RefusalKey } from './i18n/refusal';

export type Phase = 'idle' | 'standby' | 'counting' | 'paused' | 'go' | 'ended';

export interface CountdownState {
  phase: Phase;
  planId: number | null;
  /** Length the countdown was armed with. */
  durationMs: number;
  /** Host time at which zero is reached, while counting. */
  deadline: number | null;
  /** Remaining time frozen while in standby or paused. */
  remainingMs: number;
  /** Host time the countdown was first started in this run. */
  startedAt: number | null;
  /** Host time of zero: the take starts here. */
  goAt: number | null;
  endedAt: number | null;
  /** Increments on every arm or restart; GO happens at most once per run. */
  run: number;
  warningMs: number;
  dangerMs: number;
}

export type CountdownCommand =
  | { type: 'arm'; planId: number; durationMs: number; warningMs: number; dangerMs: number }
  | { type: 'start' }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'adjust'; deltaMs: number }
  | { type: 'restart' }
  | { type: 'goNow' }
  | { type: 'end' }
  | { type: 'reset' };

export type CommandType = CountdownCommand['type'];

export const initialCountdown: CountdownState = {
  phase: 'idle',
  planId: null,
  durationMs: 0,
  deadline: null,
  remainingMs: 0,
  startedAt: null,
  goAt: null,
  endedAt: null,
  run: 0,
  warningMs: 60_000,
  dangerMs: 10_000,
};

/** The smallest time left that an adjustment may leave; below it, "Go now" is the command. */
export const MIN_REMAINING_AFTER_ADJUST_MS = 1_000;

type CountdownRefusal = Extract<RefusalKey, `err.countdown.${string}`>;

/** A command the countdown's phase does not allow; worded from the refusal catalogue. */
export class CountdownRuleError extends Error {
  readonly code = 'conflict';
  constructor(readonly key: CountdownRefusal) {
    super(refusalText('en', key));
  }
}

function refuse(key: CountdownRefusal): never {
  throw new CountdownRuleError(key);
}

/** Moves a counting countdown to GO when its deadline has passed; GO time is the deadline itself. */
export function advance(state: CountdownState, now: number): CountdownState {
  if (state.phase === 'counting' && state.deadline !== null && now >= state.deadline) {
    return { ...state, phase: 'go', goAt: state.deadline, deadline: null, remainingMs: 0 };
  }
  return state;
}

export function apply(before: CountdownState, command: CountdownCommand, now: number): CountdownState {
  const state = advance(before, now);
  switch (command.type) {
    case 'arm':
      if (state.phase === 'counting' || state.phase === 'paused' || state.phase === 'go') {
        refuse('err.countdown.busy');
      }
      return {
        ...initialCountdown,
        phase: 'standby',
        planId: command.planId,
        durationMs: command.durationMs,
        remainingMs: command.durationMs,
        warningMs: command.warningMs,
        dangerMs: command.dangerMs,
        run: state.run + 1,
      };
    case 'start':
      if (state.phase !== 'standby') refuse('err.countdown.notArmed');
      return { ...state, phase: 'counting', deadline: now + state.remainingMs, startedAt: now };
    case 'pause':
      if (state.phase !== 'counting' || state.deadline === null) refuse('err.countdown.notRunning');
      return { ...state, phase: 'paused', remainingMs: state.deadline - now, deadline: null };
    case 'resume':
      if (state.phase !== 'paused') refuse('err.countdown.notPaused');
      return { ...state, phase: 'counting', deadline: now + state.remainingMs };
    case 'adjust': {
      if (state.phase === 'counting' && state.deadline !== null) {
        if (state.deadline + command.deltaMs - now < MIN_REMAINING_AFTER_ADJUST_MS) {
          refuse('err.countdown.tooLittle');
        }
        return { ...state, deadline: state.deadline + command.deltaMs };
      }
      if (state.phase === 'paused' || state.phase === 'standby') {
        if (state.remainingMs + command.deltaMs < MIN_REMAINING_AFTER_ADJUST_MS) {
          refuse('err.countdown.tooLittle');
        }
        return { ...state, remainingMs: state.remainingMs + command.deltaMs };
      }
      return refuse('err.countdown.nothingToAdjust');
    }
    case 'restart':
      if (state.phase === 'idle' || state.phase === 'go' || state.planId === null) {
        refuse(state.phase === 'go' ? 'err.countdown.takeRunning' : 'err.countdown.nothingToRestart');
      }
      return {
        ...state,
        phase: 'standby',
        deadline: null,
        remainingMs: state.durationMs,
        startedAt: null,
        goAt: null,
        endedAt: null,
        run: state.run + 1,
      };
    case 'goNow':
      // Zero may have passed on its own just before the operator's press arrived: already GO.
      if (state.phase === 'go') return state;
      if (state.phase !== 'counting' && state.phase !== 'paused' && state.phase !== 'standby') {
        refuse('err.countdown.goNowNeeds');
      }
      return { ...state, phase: 'go', goAt: now, deadline: null, remainingMs: 0, startedAt: state.startedAt ?? now };
    case 'end':
      if (state.phase !== 'go') refuse('err.countdown.noTake');
      return { ...state, phase: 'ended', endedAt: now };
    case 'reset':
      return { ...initialCountdown, run: state.run + 1 };
  }
}

export type Zone = 'idle' | 'normal' | 'warning' | 'danger' | 'go' | 'ended';

export interface Readout {
  phase: Phase;
  /** Milliseconds until zero (0 once GO). */
  remainingMs: number;
  /** Milliseconds since zero (0 before GO). */
  elapsedMs: number;
  /** The whole number of seconds shown: remaining rounded up before GO, elapsed rounded down after. */
  shownSeconds: number;
  zone: Zone;
  /** Host time at which the shown second next changes; null when it is frozen. */
  nextChangeAt: number | null;
}

export function readout(state: CountdownState, now: number): Readout {
  const s = advance(state, now);
  switch (s.phase) {
    case 'counting': {
      const remainingMs = (s.deadline ?? now) - now;
      const shownSeconds = Math.ceil(remainingMs / 1000);
      return {
        phase: s.phase,
        remainingMs,
        elapsedMs: 0,
        shownSeconds,
        zone: zoneFor(remainingMs, s),
        nextChangeAt: (s.deadline ?? now) - (shownSeconds - 1) * 1000,
      };
    }
    case 'standby':
    case 'paused':
      return {
        phase: s.phase,
        remainingMs: s.remainingMs,
        elapsedMs: 0,
        shownSeconds: Math.ceil(s.remainingMs / 1000),
        zone: zoneFor(s.remainingMs, s),
        nextChangeAt: null,
      };
    case 'go': {
      // A client whose clock estimate lags the host by a few ms must not show -0:01.
      const elapsedMs = Math.max(0, now - (s.goAt ?? now));
      const shownSeconds = takeSeconds(elapsedMs);
      return {
        phase: s.phase,
        remainingMs: 0,
        elapsedMs,
        shownSeconds,
        zone: 'go',
        nextChangeAt: (s.goAt ?? now) + (shownSeconds + 1) * 1000,
      };
    }
    case 'ended':
      return {
        phase: s.phase,
        remainingMs: 0,
        elapsedMs: (s.endedAt ?? now) - (s.goAt ?? now),
        shownSeconds: takeSeconds((s.endedAt ?? now) - (s.goAt ?? now)),
        zone: 'ended',
        nextChangeAt: null,
      };
    case 'idle':
      return { phase: s.phase, remainingMs: 0, elapsedMs: 0, shownSeconds: 0, zone: 'idle', nextChangeAt: null };
  }
}

function zoneFor(remainingMs: number, s: CountdownState): Zone {
  if (remainingMs <= s.dangerMs) return 'danger';
  if (remainingMs <= s.warningMs) return 'warning';
  return 'normal';
}

/** "m:ss" or "h:mm:ss" for a whole number of seconds. */
export function formatClock(totalSeconds: number): string {
  const sign = totalSeconds < 0 ? '-' : '';
  const t = Math.abs(totalSeconds);
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  const s = t % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}

/**
 * A take's length or a mark's time in whole seconds: the take clock's own rule (it shows a second
 * once it has passed), so the log, its CSV and the stage never disagree about how long a take was.
 */
export function takeSeconds(ms: number): number {
  return Math.floor(ms / 1000);
}

/** A take's length or a mark's time as m:ss (h:mm:ss past an hour), by that rule. */
export function formatTakeTime(ms: number): string {
  return formatClock(takeSeconds(ms));
}
