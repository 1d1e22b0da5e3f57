import { z } from 'zod';
import { PLAN_STATUSES, type Plan } from '../../../shared/schemas';
import { readStored } from '../../api/stored';
import { formatDuration } from '../../../shared/duration';

/** The plan form as typed: text, so nothing half-typed is rejected before it is kept. */
export interface Draft {
  artist: string;
  song: string;
  songLength: string;
  venue: string;
  shootDate: string;
  callTime: string;
  countdown: string;
  warning: string;
  danger: string;
  status: Plan['status'];
  dancers: string[];
  guests: string[];
  notes: string;
}

const text = z.string().max(10_000);
const storedDraft = z.object({
  artist: text, song: text, songLength: text, venue: text, shootDate: text, callTime: text,
  countdown: text, warning: text, danger: text, status: z.enum(PLAN_STATUSES), notes: text,
  dancers: z.array(text).max(200), guests: z.array(text).max(200),
});

/** Which form is open: a new plan, or the plan with this id. */
export type DraftTarget = 'new' | number;

// 'cuelight.planDraft' is the key earlier builds kept a new plan's draft under; it still is.
const DRAFT_KEY = 'cuelight.planDraft';
const OPEN_KEY = 'cuelight.planForm';
const keyOf = (target: DraftTarget) => (target === 'new' ? DRAFT_KEY : `${DRAFT_KEY}.${target}`);

export function draftFrom(plan: Plan | null): Draft {
  return {
    artist: plan?.artist.name ?? '',
    song: plan?.song ?? '',
    songLength: plan?.songLengthMs == null ? '' : formatDuration(plan.songLengthMs),
    venue: plan?.venue?.name ?? '',
    shootDate: plan?.shootDate ?? '',
    callTime: plan?.callTime ?? '',
    countdown: formatDuration(plan?.countdownMs ?? 60_000),
    warning: formatDuration(plan?.warningMs ?? 60_000),
    danger: formatDuration(plan?.dangerMs ?? 10_000),
    status: plan?.status ?? 'draft',
    dancers: plan?.dancers.map((d) => d.name) ?? [],
    guests: plan?.guests.map((g) => g.name) ?? [],
    notes: plan?.notes ?? '',
  };
}

/** Storage can be full or switched off; a draft is a safety net, never a reason to fail. */
function attemptStorage<T>(fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch {
    return fallback;
  }
}

export function loadDraft(target: DraftTarget): Draft | null {
  return attemptStorage(() => {
    const raw = localStorage.getItem(keyOf(target));
    return raw ? { ...draftFrom(null), ...readStored(keyOf(target), storedDraft) } : null;
  }, null);
}

export function saveDraft(target: DraftTarget, draft: Draft): void {
  attemptStorage(() => localStorage.setItem(keyOf(target), JSON.stringify(draft)), undefined);
}

export function clearDraft(target: DraftTarget): void {
  attemptStorage(() => localStorage.removeItem(keyOf(target)), undefined);
}

/** The open form is remembered too, so a reload or a crash reopens it with its draft. */
export function rememberOpenForm(target: DraftTarget | null): void {
  attemptStorage(() => (target === null ? localStorage.removeItem(OPEN_KEY) : localStorage.setItem(OPEN_KEY, String(target))), undefined);
}

export function openFormAtStart(): DraftTarget | null {
  const saved = attemptStorage(() => localStorage.getItem(OPEN_KEY), null);
  if (saved === 'new') return 'new';
  if (saved && /^\d+$/.test(saved)) return Number(saved);
  // An earlier build kept only a new plan's draft, without remembering the form was open.
  return loadDraft('new') ? 'new' : null;
}

export function sameDraft(a: Draft, b: Draft): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
