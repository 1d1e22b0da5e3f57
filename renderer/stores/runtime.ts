import { create } from 'zustand';
import type { CountdownSnapshot } from '../../shared/api';
import type { ReadinessBoard } from '../../shared/contract/readiness';
import { api, onEvent } from '../api/client';
import { isNewer } from './snapshotOrder';

interface RuntimeState {
  /** The latest countdown snapshot from the host: absolute times; never "now". */
  countdown: CountdownSnapshot | null;
  /** Departments' go / no-go and whether the count holds for them. */
  readiness: ReadinessBoard | null;
}

export const useRuntime = create<RuntimeState>(() => ({ countdown: null, readiness: null }));

export const useCountdown = () => useRuntime((s) => s.countdown);
export const useReadiness = () => useRuntime((s) => s.readiness);

/** Written from outside React: the transport pushes snapshots here. */
export function startRuntime(): () => void {
  const off = onEvent('countdown', applySnapshot);
  const offReadiness = onEvent('readiness', (readiness) => useRuntime.setState({ readiness }));
  void api.getCountdown(undefined).then(
    applySnapshot,
    () => undefined, // the host is away: the WebSocket's first frame on reconnect is the snapshot
  );
  void api.getReadiness({}).then(
    (readiness) => !useRuntime.getState().readiness && useRuntime.setState({ readiness }),
    () => undefined, // a department page or an old host: no board to show
  );
  return () => {
    off();
    offReadiness();
  };
}

/** The one way a countdown snapshot reaches the screens, pushed or a command's reply: in the host's order. */
export function applySnapshot(countdown: CountdownSnapshot): void {
  if (isNewer(useRuntime.getState().countdown, countdown)) useRuntime.setState({ countdown });
}

/** A department page sees only the hold (through its own link), not the whole board. */
export function applyReadiness(hold: ReadinessBoard['hold']): void {
  useRuntime.setState({ readiness: { departments: [], autoHold: true, holdAtMs: 0, hold } });
}
