import type { CountdownSnapshot } from '../../shared/api';

/**
 * Whether `next` should replace the snapshot a screen holds: in the host's order, whatever order
 * replies and pushed events arrive in (HTTP can reorder them). A restarted host (another boot id)
 * always wins; the same snapshot twice (a command's reply and its event) is harmless.
 */
export function isNewer(held: CountdownSnapshot | null, next: CountdownSnapshot): boolean {
  return held === null || held.boot !== next.boot || next.version >= held.version;
}
