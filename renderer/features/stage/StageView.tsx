import { useEffect, useRef } from 'react';
import './stage.css';
import type { CountdownSnapshot } from '../../../shared/api';
import { useT } from '../../stores/ui';
import { useStageClock } from './useStageClock';
import { useStageOptions } from './stageOptions';
import { TimeOfDay } from '../console/TimeOfDay';
import { StageNext } from './StageNext';
import { LostBanner, SyncBadge, useClockStatus } from './StageLink';
import { HoldBanner } from '../network/HoldBanner';

/**
 * The stage display's face: digits, artist and song, the message. Used full screen and as the
 * console preview. Idle, it announces what is next; at GO the whole screen turns green with the
 * word huge, the take time under it (data-go, set by the clock, says whether GO is fresh).
 */
export function StageView({ snapshot, preview = false }: { snapshot: CountdownSnapshot | null; preview?: boolean }) {
  const t = useT();
  const root = useRef<HTMLDivElement>(null);
  const digits = useRef<HTMLDivElement>(null);
  const options = useStageOptions();
  const link = useClockStatus();
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
      data-link={preview ? undefined : link}
      data-timecode={options.timecode && going ? 'on' : undefined}
      role={preview ? 'img' : 'region'}
      aria-label={preview ? t('console.preview') : t('nav.stage')}
    >
      {!preview && link === 'lost' && <LostBanner />}
      {!preview && link !== 'lost' && <HoldBanner variant="stage" />}
      {phase === 'idle' ? (
        <StageNext />
      ) : (
        <div className="stage-title">
          <span className="stage-artist">{snapshot?.artist}</span>
          <span className="stage-song">{snapshot?.song}</span>
        </div>
      )}
      {phase === 'go' && (
        <div key={snapshot?.run} className="stage-go" aria-hidden={preview}>
          {t('stage.go')}
        </div>
      )}
      {phase === 'ended' && <div className="stage-ended">{t('stage.takeEnded')}</div>}
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
      {!preview && <SyncBadge status={link} />}
    </div>
  );
}
