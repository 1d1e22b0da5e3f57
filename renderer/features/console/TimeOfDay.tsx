import { useEffect, useRef } from 'react';
import { hostNow } from '../../api/client';

/** Wall clock of the host, written to the DOM once a second on the boundary (no React renders). */
export function TimeOfDay({ label }: { label: string }) {
  const ref = useRef<HTMLTimeElement>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const now = hostNow();
      if (ref.current) ref.current.textContent = new Date(now).toLocaleTimeString('en-GB', { hour12: false });
      timer = setTimeout(tick, 1000 - (now % 1000) + 1);
    };
    tick();
    return () => clearTimeout(timer);
  }, []);
  return (
    <div className="time-of-day">
      <span className="label">{label}</span>
      <time ref={ref} className="mono" aria-label={label} />
    </div>
  );
}
