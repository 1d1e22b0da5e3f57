import { useEffect, useRef } from 'react';
import type { CountdownSnapshot } from '../../../shared/api';
import { formatClock, readout } from '../../../shared/countdown';
import type { Readout } from '../../../shared/countdown';
import { formatTimecode } from '../../../shared/timecode';
import { hostClockUncertainty, hostNow, onClockOffset } from '../../api/client';
import type { StageOptions } from './stageOptions';
import { beep } from './beeper';

export interface StageClockTargets {
  digits: HTMLElement | null;
  root: HTMLElement | null;
}

function shownText(r: Readout, options: Pick<StageOptions, 'timecode' | 'frameRate'>): string {
  if (options.timecode && (r.phase === 'go' || r.phase === 'ended')) return formatTimecode(r.elapsedMs, options.frameRate);
  return formatClock(r.shownSeconds);
}

/**
 * Keeps the shown time right without re-rendering React: computes the readout from the snapshot
 * and the host clock, writes the DOM, and sleeps until the next whole-second boundary. The timer
 * is aimed at the boundary itself, so a flip is never early and lands within a timer's lateness.
 * Timecode (frames) is the one case that updates every animation frame.
 */
export function useStageClock(
  snapshot: CountdownSnapshot | null,
  targets: () => StageClockTargets,
  options: Pick<StageOptions, 'timecode' | 'frameRate' | 'beeps'>,
): void {
  const targetsRef = useRef(targets);
  targetsRef.current = targets;
  // Survives snapshot changes: GO's snapshot may arrive just before this display's own flip.
  const beeped = useRef(new Set<string>());

  useEffect(() => {
    if (!snapshot) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let shown = '';
    let zone = '';

    /** One pip for each of the last five seconds and one tone at GO, each once per run. */
    const cue = (r: Readout) => {
      if (!options.beeps) return;
      const pip = r.phase === 'counting' && r.shownSeconds >= 1 && r.shownSeconds <= 5;
      const go = r.phase === 'go' && r.elapsedMs < 1000;
      if (!pip && !go) return;
      const key = `${snapshot.run}:${go ? 'go' : r.shownSeconds}`;
      if (beeped.current.has(key)) return;
      beeped.current.add(key);
      beep(go ? 'go' : 'pip');
    };

    /**
     * Sleeps until a boundary in two steps: long timers may fire several ms late (the browser
     * batches them), so the first wakes 30 ms early and a short one lands on the boundary. The
     * margin (0.5 ms, plus the clock estimate's uncertainty) means a flip can never come early.
     */
    const wakeAt = (boundary: number) => {
      const due = boundary + 0.5 + hostClockUncertainty();
      const wait = due - hostNow();
      timer = wait > 40 ? setTimeout(() => wakeAt(boundary), wait - 30) : setTimeout(render, Math.max(0, wait));
    };

    const render = () => {
      const now = hostNow();
      const r = readout(snapshot, now);
      const text = shownText(r, options);
      const { digits, root } = targetsRef.current();
      if (digits && text !== shown) {
        cue(r);
        digits.textContent = text;
        if (text.length !== shown.length) digits.dataset.len = String(text.length); // CSS sizes digits to fit
        shown = text;
      }
      if (root && r.zone !== zone) {
        root.dataset.zone = r.zone;
        zone = r.zone;
      }
      if (options.timecode && r.phase === 'go') {
        frame = requestAnimationFrame(render);
      } else if (r.nextChangeAt !== null) {
        wakeAt(r.nextChangeAt);
      }
    };
    render();
    const off = onClockOffset(() => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      render();
    });
    return () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      off();
    };
  }, [snapshot, options.timecode, options.frameRate, options.beeps]);
}
