import { useCountdown } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import { StageView } from './StageView';
import { StageOptionsPanel } from './StageOptionsPanel';
import { useEffect } from 'react';
import { announceDevice } from '../../api/device';
import { deviceRole } from '../../../shared/contract/network';
import { IdentifyOverlay } from '../network/IdentifyOverlay';

/** A link may say which screen this is (/stage?role=wing); otherwise the device's own choice stands. */
function roleFromLink() {
  const parsed = deviceRole.safeParse(new URLSearchParams(window.location.search).get('role'));
  return parsed.success ? parsed.data : undefined;
}

/** Full-screen stage display; in a browser one click asks for full screen. */
export function StageScreen() {
  const t = useT();
  const snapshot = useCountdown();
  useEffect(() => announceDevice(roleFromLink()), []);
  const goFullscreen = () => {
    if (!document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <main className="stage-screen" onClick={goFullscreen}>
      <h1 className="visually-hidden">{t('nav.stage')}</h1>
      <StageView snapshot={snapshot} />
      <IdentifyOverlay />
      <div className="stage-corner">
        <StageOptionsPanel />
        <button type="button" className="stage-corner-button" onClick={goFullscreen}>
          {t('stage.fullscreen')}
        </button>
      </div>
    </main>
  );
}
