/**
 * Actions, feedbacks and variables for Companion, as plain functions of a host connection so
 * they can be tested against a real host without Companion itself.
 */
import type { CompanionActionDefinitions, CompanionFeedbackDefinitions, CompanionVariableValues } from '@companion-module/base';
import type { CountdownSnapshot, MethodInput } from '../../../shared/api';
import type { HostConnection } from './connection';

export const CONFIRM_WINDOW_MS = 3_000;

/** Go now, and reset while a take runs, need a second press within 3 s: the console asks first, too. */
export class ConfirmGate {
  private pending: { what: string; at: number } | null = null;
  confirmed(what: string, now: number): boolean {
    const ok = this.pending?.what === what && now - this.pending.at <= CONFIRM_WINDOW_MS;
    this.pending = ok ? null : { what, at: now };
    return ok;
  }
  awaiting(what: string, now: number): boolean {
    return this.pending?.what === what && now - this.pending.at <= CONFIRM_WINDOW_MS;
  }
}

type Command = MethodInput<'countdownCommand'>;

export function actionDefinitions(host: HostConnection, gate: ConfirmGate, log: (message: string) => void): CompanionActionDefinitions {
  const send = (command: Command) => host.call('countdownCommand', command).then(() => undefined, (error: Error) => log(error.message));
  const simple = (name: string, type: 'start' | 'pause' | 'resume' | 'end' | 'restart') => ({ name, options: [], callback: () => send({ type }) });
  return {
    arm: {
      name: 'Arm countdown',
      options: [
        { id: 'planId', type: 'number', label: 'Plan id', default: 1, min: 1, max: 1_000_000 },
        { id: 'rehearsal', type: 'checkbox', label: 'Rehearsal', default: false },
      ],
      callback: (action) => send({ type: 'arm', planId: Number(action.options.planId), rehearsal: action.options.rehearsal === true }),
    },
    start: simple('Start', 'start'),
    pause: simple('Pause', 'pause'),
    resume: simple('Resume', 'resume'),
    end: simple('End take', 'end'),
    restart: simple('Restart', 'restart'),
    toggle: {
      name: 'Start / pause / resume',
      options: [],
      callback: () => {
        const phase = host.snapshot?.phase;
        return send({ type: phase === 'counting' ? 'pause' : phase === 'paused' ? 'resume' : 'start' });
      },
    },
    adjust: {
      name: 'Adjust by seconds',
      options: [{ id: 'seconds', type: 'number', label: 'Seconds (negative takes time away)', default: 10, min: -3600, max: 3600 }],
      callback: (action) => send({ type: 'adjust', deltaMs: Math.round(Number(action.options.seconds) * 1000) }),
    },
    goNow: {
      name: 'Go now (press twice)',
      options: [],
      callback: () => (gate.confirmed('goNow', Date.now()) ? send({ type: 'goNow' }) : undefined),
    },
    reset: {
      name: 'Reset (press twice while a take runs)',
      options: [],
      callback: () => (host.snapshot?.phase !== 'go' || gate.confirmed('reset', Date.now()) ? send({ type: 'reset' }) : undefined),
    },
    mark: {
      name: 'Mark the take',
      options: [{ id: 'note', type: 'textinput', label: 'Note', default: '' }],
      callback: async (action) => {
        const takeId = host.snapshot?.takeId;
        if (takeId == null) return log('No take is running to mark');
        await host.call('addTakeMark', { takeId, note: String(action.options.note ?? '') }).catch((error: Error) => log(error.message));
      },
    },
    outcome: {
      name: 'Log the outcome',
      options: [
        { id: 'outcome', type: 'dropdown', label: 'Outcome', default: 'succeeded', choices: [{ id: 'succeeded', label: 'Succeeded' }, { id: 'failed', label: 'Failed' }] },
      ],
      callback: async (action) => {
        const takeId = host.snapshot?.takeId;
        if (takeId == null) return log('No take to log');
        const outcome = action.options.outcome === 'failed' ? 'failed' : 'succeeded';
        await host.call('setTakeOutcome', { id: takeId, outcome }).catch((error: Error) => log(error.message));
      },
    },
  };
}

const PHASES = ['idle', 'standby', 'counting', 'paused', 'go', 'ended'] as const;
/** The stage display's colours, so a button reads like the stage. */
const PHASE_COLOURS: Record<(typeof PHASES)[number], number> = {
  idle: 0x333333,
  standby: 0x4f8cff,
  counting: 0x2fb36b,
  paused: 0xf0b429,
  go: 0x1fbf5a,
  ended: 0x9aa3b5,
};

export function feedbackDefinitions(host: HostConnection): CompanionFeedbackDefinitions {
  return {
    phase: {
      type: 'boolean',
      name: 'Countdown is in a phase',
      defaultStyle: { bgcolor: PHASE_COLOURS.go, color: 0x000000 },
      options: [{ id: 'phase', type: 'dropdown', label: 'Phase', default: 'go', choices: PHASES.map((p) => ({ id: p, label: p })) }],
      callback: (feedback) => host.snapshot?.phase === feedback.options.phase,
    },
    phaseColour: {
      type: 'advanced',
      name: 'Phase colour (as on the stage)',
      options: [],
      callback: () => ({ bgcolor: PHASE_COLOURS[host.snapshot?.phase ?? 'idle'] }),
    },
    inSync: {
      type: 'boolean',
      name: 'Connected to the host',
      defaultStyle: { bgcolor: 0x2fb36b },
      options: [],
      callback: () => host.connected,
    },
    departmentNotReady: {
      type: 'boolean',
      name: 'A department is not ready (go / no-go)',
      defaultStyle: { bgcolor: 0xe5484d, color: 0xffffff },
      options: [
        { id: 'department', type: 'textinput', label: 'Department (empty: any)', default: '' },
      ],
      callback: (feedback) => {
        const wanted = String(feedback.options.department ?? '').trim().toLocaleLowerCase();
        return notReady(host).some((name) => wanted === '' || name.toLocaleLowerCase() === wanted);
      },
    },
    held: {
      type: 'boolean',
      name: 'The countdown is held for a department',
      defaultStyle: { bgcolor: 0xf0b429, color: 0x000000 },
      options: [],
      callback: () => Boolean(host.readiness?.hold),
    },
    triggerFailed: {
      type: 'boolean',
      name: 'A show-control trigger failed this countdown',
      defaultStyle: { bgcolor: 0xe5484d, color: 0xffffff },
      options: [],
      callback: () => host.failedTrigger !== null,
    },
  };
}

export const VARIABLES = {
  remaining: { name: 'Time left (or take time after GO), m:ss' },
  phase: { name: 'Countdown phase' },
  artist: { name: 'Artist' },
  song: { name: 'Song' },
  take_number: { name: 'Take number' },
  failed_trigger: { name: 'The last failed trigger and why' },
  not_ready: { name: 'Departments not ready, comma-separated' },
  held_for: { name: 'While the count is held: whom it waits for' },
};

/** The departments not ready now, by name, in the board's order. */
export function notReady(host: HostConnection): string[] {
  return (host.readiness?.departments ?? []).filter((d) => !d.ready).map((d) => d.name);
}

/** What the countdown shows now: time left, or time since GO (whole seconds, as the stage rounds). */
export function shownTime(s: CountdownSnapshot | null, hostNow: number): string {
  if (!s || s.phase === 'idle') return '';
  let ms = s.remainingMs;
  if (s.phase === 'counting' && s.deadline !== null) ms = Math.max(0, s.deadline - hostNow);
  if ((s.phase === 'go' || s.phase === 'ended') && s.goAt !== null) ms = (s.endedAt ?? hostNow) - s.goAt;
  const seconds = s.phase === 'counting' || s.phase === 'paused' || s.phase === 'standby' ? Math.ceil(ms / 1000) : Math.floor(ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export function variableValues(host: HostConnection): CompanionVariableValues {
  const s = host.snapshot;
  return {
    remaining: shownTime(s, host.hostNow()),
    phase: s?.phase ?? '',
    artist: s?.artist ?? '',
    song: s?.song ?? '',
    take_number: host.takeNumber === null ? '' : String(host.takeNumber),
    failed_trigger: host.failedTrigger ? `${host.failedTrigger.name}: ${host.failedTrigger.detail}` : '',
    not_ready: notReady(host).join(', '),
    held_for: host.readiness?.hold ? host.readiness.hold.waitingFor.join(', ') : '',
  };
}
