import { useEffect, useLayoutEffect, useRef } from 'react';
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

/** Past a boundary by this much beyond the estimate's uncertainty before a flip: clock and timer graininess. */
const MARGIN_MS = 0.5;
/** For this long after zero the word GO fills the screen; then the take time takes over. */
const GO_FRESH_MS = 5_000;

/**
 * The earliest the host's clock can read now. Every redraw computes from this, so no path (a
 * timer, a new offset estimate, a page shown again) can change a second before the host's.
 */
function surelyReachedHostTime(): number {
  return hostNow() - hostClockUncertainty() - MARGIN_MS;
}

/** Within one snapshot the shown time only moves the way time does: a newer estimate never undoes a flip. */
function movesBack(before: Readout | null, next: Readout): boolean {
  if (!before || before.phase !== next.phase) return false;
  if (next.phase === 'counting') return next.shownSeconds > before.shownSeconds;
  if (next.phase === 'go') return next.elapsedMs < before.elapsedMs;
  return false;
}

/**
 * Keeps the shown time right without re-rendering React: computes the readout from the snapshot
 * and the host clock, writes the DOM, and sleeps until the next whole-second boundary. The timer
 * is aimed at the boundary itself, so a flip is never early and lands within a timer's lateness.
 * Timecode (frames) is the one case that updates every animation frame. While the page is
 * hidden or frozen its digits are blanked, so the first frame painted on return is never stale.
 */
export function useStageClock(
  snapshot: CountdownSnapshot | null,
  targets: () => StageClockTargets,
  options: Pick<StageOptions, 'timecode' | 'frameRate' | 'beeps'>,
): void {
  const targetsRef = useRef(targets);
  useLayoutEffect(() => {
    targetsRef.current = targets;
  });
  const { timecode, frameRate, beeps } = options;
  // Survives snapshot changes: GO's snapshot may arrive just before this display's own flip.
  const beeped = useRef(new Set<string>());

  useEffect(() => {
    if (!snapshot) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    let shown = '';
    let zone = '';
    let go: string | null = null; // unknown: the first render writes it (the element outlives a snapshot)
    let last: Readout | null = null;

    /** One pip for each of the last five seconds and one tone at GO, each once per run. */
    const cue = (r: Readout) => {
      if (!beeps) return;
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
     * Timers count whole ms and may fire a fraction early; a chain of them is clamped to 4 ms, so
     * instead of sleeping again for the last fraction, the final wake waits it out (under 2 ms).
     */
    const wakeAt = (boundary: number) => {
      const wait = boundary - surelyReachedHostTime();
      if (wait > 40) timer = setTimeout(() => wakeAt(boundary), wait - 30);
      else timer = setTimeout(() => arrive(boundary), Math.max(0, Math.ceil(wait)));
    };
    const arrive = (boundary: number) => {
      const short = boundary - surelyReachedHostTime();
      if (short > 2) return wakeAt(boundary);
      // A fraction of a millisecond: cheaper and surer than another timer. Bounded, in case the
      // clock does not move (a test's paused clock): then it sleeps again, never flips early.
      for (let i = 0; i < 200_000 && surelyReachedHostTime() < boundary; i++);
      if (surelyReachedHostTime() < boundary) return wakeAt(boundary);
      render();
    };

    const render = () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      const fresh = readout(snapshot, surelyReachedHostTime());
      const r = movesBack(last, fresh) ? last! : fresh;
      last = r;
      const text = shownText(r, { timecode, frameRate });
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
      const goNow = r.phase === 'go' ? (r.elapsedMs < GO_FRESH_MS ? 'fresh' : 'on') : '';
      if (root && goNow !== go) {
        if (goNow) root.dataset.go = goNow;
        else delete root.dataset.go;
        go = goNow;
      }
      if (timecode && r.phase === 'go') {
        frame = requestAnimationFrame(render);
      } else if (fresh.nextChangeAt !== null) {
        wakeAt(fresh.nextChangeAt);
      }
    };
    render();
    const off = onClockOffset(render);
    const offVisibility = watchVisibility(() => targetsRef.current().root, render);
    return () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
      off();
      offVisibility();
    };
  }, [snapshot, timecode, frameRate, beeps]);
}

/**
 * Hidden, frozen or put in the back/forward cache, a page's timers stall and its DOM keeps an old
 * second; on return the browser may paint a frame before any timer runs. So the digits are
 * blanked on the way out (data-stale) and recomputed, synchronously, on the way back in.
 */
function watchVisibility(root: () => HTMLElement | null, render: () => void): () => void {
  const away = () => {
    const el = root();
    if (el) el.dataset.stale = 'on';
  };
  const back = () => {
    render();
    delete root()?.dataset.stale;
  };
  const onVisibility = () => (document.visibilityState === 'hidden' ? away() : back());
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('freeze', away);
  document.addEventListener('resume', back);
  window.addEventListener('pagehide', away);
  window.addEventListener('pageshow', back);
  if (document.visibilityState === 'hidden') away();
  return () => {
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('freeze', away);
    document.removeEventListener('resume', back);
    window.removeEventListener('pagehide', away);
    window.removeEventListener('pageshow', back);
  };
}
