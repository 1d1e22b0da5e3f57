/** Moves one id a step up (-1) or down (+1); null at either end, where there is nowhere to go. */
export function moveBy(ids: number[], id: number, step: -1 | 1): number[] | null {
  const from = ids.indexOf(id);
  const to = from + step;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  return moveTo(ids, id, to);
}

/** Puts `id` at index `to` (a drop on the plan now at `to`), the others keeping their order. */
export function moveTo(ids: number[], id: number, to: number): number[] {
  const rest = ids.filter((x) => x !== id);
  return [...rest.slice(0, to), id, ...rest.slice(to)];
}

/**
 * A filtered day shows only some plans: their new order goes back into the places they held, so
 * plans the filter hides keep their place in the run.
 */
export function mergeVisible(dayIds: number[], visibleBefore: number[], visibleAfter: number[]): number[] {
  const shown = new Set(visibleBefore);
  const queue = [...visibleAfter];
  return dayIds.map((id) => (shown.has(id) ? queue.shift()! : id));
}

/**
 * A day's run order by call time: earliest first, plans without a call time after the timed ones;
 * equal times (and the untimed) keep their order. Null when the day already reads in that order.
 */
export function byCallTime<P extends { id: number; callTime: string | null }>(dayPlans: P[]): number[] | null {
  const rank = (p: P) => p.callTime ?? '\uffff'; // 'HH:MM' sorts as text; no call time sorts last
  const sorted = dayPlans.map((p, i) => ({ p, i })).sort((a, b) => (rank(a.p) < rank(b.p) ? -1 : rank(a.p) > rank(b.p) ? 1 : a.i - b.i));
  return sorted.every((s, i) => s.i === i) ? null : sorted.map((s) => s.p.id);
}
