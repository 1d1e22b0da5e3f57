import { useEffect, useRef } from 'react';
import type { CountdownSnapshot } from '../../../shared/api';
import { formatClock, readout } from '../../../shared/countdown';
import { hostNow, onClockOffset } from '../../api/client';

export interface StageClockTargets {
  digits: HTMLElement | null;
  root: HTMLElement | null;
}

/**
 * Keeps the shown time right without re-rendering React: computes the readout from the snapshot
 * and the host clock, writes the DOM, and sleeps until the next whole-second boundary. The timer
 * is aimed at the boundary itself, so a flip is never early and lands within a timer's lateness.
 */
export function useStageClock(snapshot: CountdownSnapshot | null, targets: () => StageClockTargets): void {
  const targetsRef = useRef(targets);
  targetsRef.current = targets;

  useEffect(() => {
    if (!snapshot) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = '';
    let zone = '';

    const render = () => {
      const now = hostNow();
      const r = readout(snapshot, now);
      const text = formatClock(r.shownSeconds);
      const { digits, root } = targetsRef.current();
      if (digits && text !== shown) {
        digits.textContent = text;
        shown = text;
      }
      if (root && r.zone !== zone) {
        root.dataset.zone = r.zone;
        zone = r.zone;
      }
      if (r.nextChangeAt !== null) {
        // +0.5 ms keeps a timer that fires on the boundary's own millisecond from reading it early.
        timer = setTimeout(render, Math.max(0, r.nextChangeAt - now + 0.5));
      }
    };
    render();
    const off = onClockOffset(() => {
      clearTimeout(timer);
      render();
    });
    return () => {
      clearTimeout(timer);
      off();
    };
  }, [snapshot]);
}
