import { useEffect, useRef } from 'react';
import type { CountdownSnapshot } from '../../../shared/api';
import { useT } from '../../stores/ui';
import { useStageClock } from './useStageClock';
import { useStageOptions } from './stageOptions';
import { TimeOfDay } from '../console/TimeOfDay';

/** The stage display's face: digits, artist and song, the message. Used full screen and as the console preview. */
export function StageView({ snapshot, preview = false }: { snapshot: CountdownSnapshot | null; preview?: boolean }) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const digits = useRef<HTMLDivElement>(null);
  const options = useStageOptions();
  useStageClock(snapshot, () => ({ digits: digits.current, root: root.current }), { ...options, beeps: options.beeps && !preview });
  // User Timing marks let the benchmark and tests count renders: the clock itself never re-renders.
  useEffect(() => void performance.mark('cuelight:stage-render'));
  const phase = snapshot?.phase ?? 'idle';
  const going = phase === 'go' || phase === 'ended';

  return (
    <div
      ref={root}
      className={preview ? 'stage-face stage-face--preview' : 'stage-face'}
      data-phase={phase}
      data-timecode={options.timecode && going ? 'on' : undefined}
      role={preview ? 'img' : 'region'}
      aria-label={preview ? t('console.preview') : t('nav.stage')}
    >
      <div className="stage-title">
        {snapshot?.artist ? (
          <>
            <span className="stage-artist">{snapshot.artist}</span>
            <span className="stage-song">{snapshot.song}</span>
          </>
        ) : (
          <span className="stage-song">{t('stage.waiting')}</span>
        )}
      </div>
      {going && (
        <div key={snapshot?.run} className="stage-go" aria-hidden={preview}>
          {t('stage.go')}
        </div>
      )}
      <div
        ref={digits}
        className="stage-digits"
        role={preview ? undefined : 'timer'}
        aria-label={going ? t('stage.elapsed') : t('stage.countdown')}
        aria-live="off"
      />
      <div className="stage-message" role={preview ? undefined : 'status'}>
        {snapshot?.message ?? ''}
      </div>
      {options.showTimeOfDay && !preview && (
        <div className="stage-time-of-day">
          <TimeOfDay label={t('console.timeOfDay')} timecode={options.timecode ? options.frameRate : null} />
        </div>
      )}
    </div>
  );
}
