import type { Plan } from '../../../shared/schemas';

/** The local calendar day and minute of a moment, as plans store them ('YYYY-MM-DD', 'HH:MM'). */
function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What an idle stage display announces: the first performance not yet shot in the run order (the
 * order listPlans gives: by day, then the producer's order), the same one the console calls
 * "Next up", so the two screens never disagree.
 */
export function nextUp(plans: readonly Plan[], armedPlanId: number | null = null): Plan | null {
  return plans.find((p) => p.status !== 'shot' && p.id !== armedPlanId) ?? null;
}

/** Whether a plan's day is the day of `now` (then only the call time is shown). */
export function isToday(plan: Plan, now: number): boolean {
  return plan.shootDate === localDay(now);
}
