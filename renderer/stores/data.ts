import { create } from 'zustand';
import type { Person, Venue } from '../../shared/schemas';
import type { PlanEntry } from '../../shared/contract/plans';
import { api, onEvent } from '../api/client';
import { showToast } from './ui';

interface DataState {
  loaded: boolean;
  empty: boolean;
  canControl: boolean;
  /** As listPlans answers them: each plan with its take count and archived flag. */
  plans: PlanEntry[];
  people: Person[];
  venues: Venue[];
}

export const useData = create<DataState>(() => ({ loaded: false, empty: false, canControl: false, plans: [], people: [], venues: [] }));

export const usePlans = () => useData((s) => s.plans);
export const usePeople = () => useData((s) => s.people);
export const useVenues = () => useData((s) => s.venues);
export const useCanControl = () => useData((s) => s.canControl);

export async function refreshData(): Promise<void> {
  const lists = Promise.all([api.listPlans(undefined), api.listPeople(undefined), api.listVenues(undefined)]);
  lists.catch(() => undefined); // awaited below; a damaged store's failure is handled there
  const boot = await api.getBootstrap(undefined);
  try {
    const [plans, people, venues] = await lists;
    useData.setState({ loaded: true, empty: boot.empty, canControl: boot.canControl, plans, people, venues });
  } catch (error) {
    // A damaged store may fail these reads: the read-only banner already says why and what to do.
    if (!boot.readOnly) throw error;
    useData.setState({ loaded: true, empty: false, canControl: boot.canControl });
  }
}

/** Runs a change against the host; shows the host's message when it is refused. */
export async function attempt<T>(change: () => Promise<T>): Promise<T | undefined> {
  try {
    return await change();
  } catch (error) {
    showToast('error', (error as Error).message);
    return undefined;
  }
}

/**
 * Keeps the lists current. A stage display shows only what is next from the plans, so it reads
 * only the plans, and only when they change (a GO marks one shot); other screens read everything.
 */
export function startData(scope: 'everything' | 'plans' = 'everything'): () => void {
  if (scope === 'plans') {
    const refreshPlans = () => void api.listPlans(undefined).then((plans) => useData.setState({ plans }), () => undefined);
    refreshPlans();
    return onEvent('dataChanged', (change) => change.tables.includes('plans') && refreshPlans());
  }
  void refreshData().catch((error: unknown) => showToast('error', (error as Error).message));
  // Takes alone (a mark, an outcome) change nothing listed here: the take log refreshes itself.
  return onEvent('dataChanged', (change) => change.tables.some((t) => t !== 'takes') && void refreshData().catch(() => undefined));
}
