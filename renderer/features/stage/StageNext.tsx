import { hostNow } from '../../api/client';
import { usePlans } from '../../stores/data';
import { useLanguage, useT } from '../../stores/ui';
import { isToday, nextUp } from './nextUp';

/** An idle stage announces what is next (artist, song, call time) instead of a dead zero. */
export function StageNext() {
  const t = useT();
  const language = useLanguage();
  const plans = usePlans();
  const now = hostNow(); // read once per render: only the day matters (today's call shows no date)
  const next = nextUp(plans);
  if (!next) {
    return (
      <div className="stage-next">
        <p className="stage-next-waiting stage-next-waiting--alone">{t('stage.waiting')}</p>
      </div>
    );
  }
  const day = next.shootDate
    ? new Intl.DateTimeFormat(language, { weekday: 'short', month: 'short', day: 'numeric' }).format(new Date(`${next.shootDate}T12:00:00`))
    : '';
  const call = next.callTime ? (isToday(next, now) ? t('stage.call', { time: next.callTime }) : t('stage.callOn', { day, time: next.callTime })) : day;
  return (
    <div className="stage-next">
      <p className="stage-next-label">{t('stage.next')}</p>
      <p className="stage-next-artist">{next.artist.name}</p>
      <p className="stage-next-song">{next.song}</p>
      {call && <p className="stage-next-call">{call}</p>}
      <p className="stage-next-waiting">{t('stage.waiting')}</p>
    </div>
  );
}
