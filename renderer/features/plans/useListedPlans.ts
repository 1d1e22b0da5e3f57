import { useEffect, useState } from 'react';
import type { PlanEntry } from '../../../shared/contract/plans';
import { api, onEvent } from '../../api/client';
import { usePlans } from '../../stores/data';
import { showToast } from '../../stores/ui';

/**
 * The plans to list, in run order: the shared store's, or, with archived ones shown, a list of all
 * fetched here and kept fresh.
 */
export function useListedPlans(showArchived: boolean): PlanEntry[] {
  const plans = usePlans();
  const [all, setAll] = useState<PlanEntry[] | null>(null);
  useEffect(() => {
    if (!showArchived) return;
    let live = true;
    const load = () =>
      void api
        .listPlans({ includeArchived: true })
        .then((list) => live && setAll(list))
        .catch((error: unknown) => showToast('error', (error as Error).message));
    load();
    const off = onEvent('dataChanged', (change) => change.tables.some((t) => t !== 'takes') && load());
    return () => {
      live = false;
      off();
      setAll(null); // hidden again: the next "Show archived" starts from a fresh list
    };
  }, [showArchived]);
  return showArchived && all ? all : plans;
}
