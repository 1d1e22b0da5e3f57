import type { CountdownSnapshot, MethodInput } from '../../../shared/api';
import type { Language, MessageKey } from '../../../shared/i18n/index';
import { api } from '../../api/client';
import { applySnapshot, useRuntime } from '../../stores/runtime';
import { attempt } from '../../stores/data';

import { translate } from '../../../shared/i18n/index';
import { showToast } from '../../stores/ui';
import { askToConfirm, setTake, toggleHelp, useConsole } from './consoleStore';

/**
 * The operator's commands, one registry: the buttons, the keyboard shortcuts and the help
 * overlay all read it, so a shortcut can never differ from the button it names.
 */
export interface ConsoleCommand {
  id: string;
  label: MessageKey;
  /** What the help overlay says the key does, when that is more than the label (one key, two actions). */
  helpLabels?: MessageKey[];
  /** Shown in the help overlay and on the button. */
  keyLabel: string;
  matches: (e: KeyboardEvent) => boolean;
  enabled: (s: CountdownSnapshot | null) => boolean;
  run: () => Promise<void>;
}

const key = (k: string, shift = false) => (e: KeyboardEvent) => e.key === k && e.shiftKey === shift && !e.ctrlKey && !e.metaKey && !e.altKey;
const phaseIn = (...phases: CountdownSnapshot['phase'][]) => (s: CountdownSnapshot | null) => s !== null && phases.includes(s.phase);

async function send(command: MethodInput<'countdownCommand'>): Promise<void> {
  const snapshot = await attempt(() => api.countdownCommand(command));
  if (snapshot) applySnapshot(snapshot);
}

const snapshotNow = () => useRuntime.getState().countdown;
const hasTake = (s: CountdownSnapshot | null) => s !== null && s.takeId !== null;

export const MARK_INPUT_ID = 'console-mark-note';

/** Adds a mark at this moment of the take; the note typed so far (if any) goes with it. */
async function mark(): Promise<void> {
  const takeId = snapshotNow()?.takeId;
  if (takeId == null) return;
  const input = document.getElementById(MARK_INPUT_ID) as HTMLInputElement | null;
  const note = input?.value ?? '';
  const take = await attempt(() => api.addTakeMark({ takeId, note }));
  if (!take) return;
  setTake(take);
  if (input) input.value = '';
}

async function logOutcome(outcome: 'succeeded' | 'failed'): Promise<void> {
  const takeId = snapshotNow()?.takeId;
  if (takeId == null) return;
  const { takeNote, failureReason } = useConsole.getState();
  const saved = await attempt(() =>
    api.setTakeOutcome({ id: takeId, outcome, note: takeNote, ...(outcome === 'failed' ? { failureReason } : {}) }),
  );
  if (!saved) return;
  // The host answers with what it wrote; the panel's take keeps its names and marks.
  const shown = useConsole.getState().take;
  const take = shown?.id === saved.id ? { ...shown, ...saved } : null;
  if (take) setTake(take);
  showToast('info', { key: 'console.outcomeSaved', params: { number: saved.number ?? '–', outcome: { key: `outcome.${saved.outcome}` } } });
}

export const COMMANDS: ConsoleCommand[] = [
  {
    id: 'arm',
    label: 'console.arm',
    keyLabel: 'A',
    matches: key('a'),
    enabled: (s) => useConsole.getState().selectedPlanId !== null && !phaseIn('counting', 'paused', 'go')(s),
    run: async () => {
      const planId = useConsole.getState().selectedPlanId;
      if (planId !== null) await send({ type: 'arm', planId, rehearsal: useConsole.getState().rehearsal });
    },
  },
  {
    id: 'startPause',
    label: 'console.start',
    helpLabels: ['console.start', 'console.pause'],
    keyLabel: 'Space',
    matches: key(' '),
    enabled: phaseIn('standby', 'counting', 'paused'),
    run: async () => {
      const phase = snapshotNow()?.phase;
      await send({ type: phase === 'counting' ? 'pause' : phase === 'paused' ? 'resume' : 'start' });
    },
  },
  { id: 'plus10', label: 'console.plus10', keyLabel: ']', matches: key(']'), enabled: phaseIn('standby', 'counting', 'paused'), run: () => send({ type: 'adjust', deltaMs: 10_000 }) },
  { id: 'minus10', label: 'console.minus10', keyLabel: '[', matches: key('['), enabled: phaseIn('standby', 'counting', 'paused'), run: () => send({ type: 'adjust', deltaMs: -10_000 }) },
  { id: 'plus60', label: 'console.plus60', keyLabel: 'Shift+]', matches: key('}', true), enabled: phaseIn('standby', 'counting', 'paused'), run: () => send({ type: 'adjust', deltaMs: 60_000 }) },
  { id: 'minus60', label: 'console.minus60', keyLabel: 'Shift+[', matches: key('{', true), enabled: phaseIn('standby', 'counting', 'paused'), run: () => send({ type: 'adjust', deltaMs: -60_000 }) },
  {
    id: 'goNow',
    label: 'console.goNow',
    keyLabel: 'G',
    matches: key('g'),
    enabled: phaseIn('standby', 'counting', 'paused'),
    run: async () => askToConfirm('console.goNowConfirm', () => send({ type: 'goNow' })),
  },
  { id: 'end', label: 'console.end', keyLabel: 'E', matches: key('e'), enabled: phaseIn('go'), run: () => send({ type: 'end' }) },
  { id: 'restart', label: 'console.restart', keyLabel: 'R', matches: key('r'), enabled: phaseIn('standby', 'counting', 'paused', 'ended'), run: () => send({ type: 'restart' }) },
  {
    id: 'reset',
    label: 'console.reset',
    keyLabel: 'Shift+Esc',
    matches: key('Escape', true),
    enabled: (s) => s !== null && s.phase !== 'idle',
    // Show mode: while a take runs, a stray key must not end it, so reset asks first.
    run: async () => (snapshotNow()?.phase === 'go' ? askToConfirm('console.resetConfirm', () => send({ type: 'reset' })) : send({ type: 'reset' })),
  },
  { id: 'mark', label: 'console.mark', keyLabel: 'M', matches: key('m'), enabled: hasTake, run: mark },
  { id: 'succeeded', label: 'console.succeeded', keyLabel: 'S', matches: key('s'), enabled: hasTake, run: () => logOutcome('succeeded') },
  { id: 'failed', label: 'console.failed', keyLabel: 'F', matches: key('f'), enabled: hasTake, run: () => logOutcome('failed') },
  { id: 'help', label: 'console.help', keyLabel: '?', matches: (e) => e.key === '?', enabled: () => true, run: async () => toggleHelp() },
];

export function commandById(id: string): ConsoleCommand {
  const command = COMMANDS.find((c) => c.id === id);
  if (!command) throw new Error(`No console command "${id}"`);
  return command;
}

/** The help overlay's lines, one per command: the key and what it does, in the given language. */
export function shortcutHelp(language: Language): { id: string; key: string; does: string }[] {
  return COMMANDS.map((c) => ({ id: c.id, key: c.keyLabel, does: (c.helpLabels ?? [c.label]).map((k) => translate(language, k)).join(' / ') }));
}
