import { useReadiness } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import './network.css';

/** "Hold — waiting for camera": the count held itself for a department. Every display says it. */
export function HoldBanner({ variant }: { variant: 'stage' | 'console' | 'phone' }) {
  const t = useT();
  const hold = useReadiness()?.hold;
  if (!hold) return null;
  const waiting = hold.waitingFor.length > 0 ? t('ready.holdBanner', { departments: hold.waitingFor.join(', ') }) : t('ready.holdAllReady');
  return (
    <div className={`hold-banner hold-banner--${variant}`} role="alert">
      <strong>{waiting}</strong>
      {variant === 'console' && <span> {t('ready.holdResume')}</span>}
    </div>
  );
}
