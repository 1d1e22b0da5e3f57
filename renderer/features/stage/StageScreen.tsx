import { useCountdown } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import { StageView } from './StageView';
import { StageOptionsPanel } from './StageOptionsPanel';

/** Full-screen stage display; in a browser one click asks for full screen. */
export function StageScreen() {
  const t = useT();
  const snapshot = useCountdown();
  const goFullscreen = () => {
    if (!document.fullscreenElement) void document.documentElement.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <main className="stage-screen" onClick={goFullscreen}>
      <h1 className="visually-hidden">{t('nav.stage')}</h1>
      <StageView snapshot={snapshot} />
      <div className="stage-corner">
        <StageOptionsPanel />
        <button type="button" className="stage-corner-button" onClick={goFullscreen}>
          {t('stage.fullscreen')}
        </button>
      </div>
    </main>
  );
}
