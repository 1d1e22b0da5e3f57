import type { Plan } from '../../../shared/schemas';

/** The local calendar day and minute of a moment, as plans store them ('YYYY-MM-DD', 'HH:MM'). */
function localDay(at: number): string {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * What an idle stage display announces: the first performance not yet shot, from today on, by
 * day, call time and run order. A performance whose call time has passed today still counts:
 * called is not shot. Undated plans are not announced (nobody knows when they are).
 */
export function nextUp(plans: readonly (Plan & { archived?: boolean })[], now: number): Plan | null {
  const today = localDay(now);
  const candidates = plans.filter((p) => !p.archived && p.status !== 'shot' && p.shootDate !== null && p.shootDate >= today);
  candidates.sort(
    (a, b) =>
      a.shootDate!.localeCompare(b.shootDate!) ||
      (a.callTime ?? '99:99').localeCompare(b.callTime ?? '99:99') ||
      a.runOrder - b.runOrder,
  );
  return candidates[0] ?? null;
}

/** Whether a plan's day is the day of `now` (then only the call time is shown). */
export function isToday(plan: Plan, now: number): boolean {
  return plan.shootDate === localDay(now);
}
