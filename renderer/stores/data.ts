import { create } from 'zustand';
import type { Person, Plan, Venue } from '../../shared/schemas';
import { api, onEvent } from '../api/client';
import { showToast } from './ui';

interface DataState {
  loaded: boolean;
  empty: boolean;
  canControl: boolean;
  plans: Plan[];
  people: Person[];
  venues: Venue[];
}

export const useData = create<DataState>(() => ({ loaded: false, empty: false, canControl: false, plans: [], people: [], venues: [] }));

export const usePlans = () => useData((s) => s.plans);
export const usePeople = () => useData((s) => s.people);
export const useVenues = () => useData((s) => s.venues);
export const useCanControl = () => useData((s) => s.canControl);

export async function refreshData(): Promise<void> {
  const [boot, plans, people, venues] = await Promise.all([
    api.getBootstrap(undefined),
    api.listPlans(undefined),
    api.listPeople(undefined),
    api.listVenues(undefined),
  ]);
  useData.setState({ loaded: true, empty: boot.empty, canControl: boot.canControl, plans, people, venues });
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

export function startData(): () => void {
  void refreshData().catch((error: unknown) => showToast('error', (error as Error).message));
  // Takes alone (a mark, an outcome) change nothing listed here: the take log refreshes itself.
  return onEvent('dataChanged', (change) => change.tables.some((t) => t !== 'takes') && void refreshData().catch(() => undefined));
}
