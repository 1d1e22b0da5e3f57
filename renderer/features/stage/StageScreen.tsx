import { useCountdown } from '../../stores/runtime';
import { useT } from '../../stores/ui';
import { StageView } from './StageView';

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
      <button type="button" className="stage-fullscreen" onClick={goFullscreen}>
        {t('stage.fullscreen')}
      </button>
    </main>
  );
}
