import { create } from 'zustand';
import type { CountdownSnapshot } from '../../shared/api';
import { api, onEvent } from '../api/client';

interface RuntimeState {
  /** The latest countdown snapshot from the host: absolute times; never "now". */
  countdown: CountdownSnapshot | null;
}

export const useRuntime = create<RuntimeState>(() => ({ countdown: null }));

export const useCountdown = () => useRuntime((s) => s.countdown);

/** Written from outside React: the transport pushes snapshots here. */
export function startRuntime(): () => void {
  const off = onEvent('countdown', (countdown) => useRuntime.setState({ countdown }));
  void api.getCountdown(undefined).then((countdown) => {
    if (!useRuntime.getState().countdown) useRuntime.setState({ countdown });
  });
  return off;
}

export function applySnapshot(countdown: CountdownSnapshot): void {
  useRuntime.setState({ countdown });
}
