import { useEffect, useState } from 'react';
import { onEvent } from '../../api/client';
import { useDevice } from '../../api/device';
import { useT } from '../../stores/ui';
import './network.css';

/** How long "Identify" shows the name: long enough to walk to the screen and look. */
const SHOW_MS = 6_000;

/** When the operator presses Identify for this device, its name fills the screen for a few seconds. */
export function IdentifyOverlay() {
  const t = useT();
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const off = onEvent('identify', ({ deviceId, name }) => {
      const self = useDevice.getState();
      if (deviceId !== self.deviceId) return;
      setShown(name || self.name || deviceId);
      clearTimeout(timer);
      timer = setTimeout(() => setShown(null), SHOW_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, []);
  if (shown === null) return null;
  return (
    <div className="identify-overlay" role="alert" aria-label={t('network.identifyTitle')}>
      <span className="identify-title">{t('network.identifyTitle')}</span>
      <span className="identify-name">{shown}</span>
    </div>
  );
}
