import { create } from 'zustand';
import type { TriggerResult } from '../../../shared/contract/triggers';
import { onEvent } from '../../api/client';
import { showToast } from '../../stores/ui';

interface LiveResults {
  results: TriggerResult[];
}

/** The latest countdown's trigger results as the host pushes them; the console shows them. */
export const useLiveResults = create<LiveResults>(() => ({ results: [] }));

/** Listens for results; a failure is said at once, in a toast that reads in the UI's language. */
export function startLiveResults(failed: (result: TriggerResult) => string): () => void {
  return onEvent('triggerResult', (result) => {
    useLiveResults.setState((s) => {
      const sameRun = s.results.filter((r) => r.run === result.run);
      return { results: [...sameRun, result].slice(-20) };
    });
    if (result.status === 'failed') showToast('error', failed(result));
  });
}
