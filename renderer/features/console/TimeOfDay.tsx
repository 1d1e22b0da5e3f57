import { useEffect, useRef } from 'react';
import type { FrameRate } from '../../../shared/timecode';
import { timeOfDayTimecode } from '../../../shared/timecode';
import { hostNow } from '../../api/client';

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/**
 * The host's wall clock, written to the DOM without React renders: once a second on the
 * boundary, or every animation frame when shown as timecode.
 */
export function TimeOfDay({ label, timecode = null }: { label: string; timecode?: FrameRate | null }) {
  const ref = useRef<HTMLTimeElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let frame: number | undefined;
    const tick = () => {
      const now = hostNow();
      if (ref.current) {
        ref.current.textContent = timecode ? timeOfDayTimecode(now, -new Date(now).getTimezoneOffset(), timecode) : clock.format(now);
      }
      if (timecode) frame = requestAnimationFrame(tick);
      else timer = setTimeout(tick, 1000 - (now % 1000) + 0.5);
    };
    tick();
    return () => {
      clearTimeout(timer);
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [timecode]);
  return (
    <div className="time-of-day">
      <span className="label">{label}</span>
      <time ref={ref} className="mono" aria-label={label} />
    </div>
  );
}
