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
