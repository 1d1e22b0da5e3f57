import type { TriggerResult } from '../../../shared/contract/triggers';
import { useT } from '../../stores/ui';

/** Each trigger's result: what it was, what came back, and the recorder's clip when it said. */
export function ResultList({ results, empty }: { results: TriggerResult[]; empty: string }) {
  const t = useT();
  if (results.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="trigger-results">
      {results.map((r, i) => (
        <li key={`${r.run}-${r.triggerId}-${r.event}-${i}`} className={`trigger-result trigger-result--${r.status}`}>
          <strong>{r.name}</strong> <span className="label">{t(`triggers.event.${r.event}`)}</span>{' '}
          <span className="badge">{t(`triggers.status.${r.status}`)}</span> <span className="detail">{r.detail}</span>
          {r.clip && <div className="mono">{t('triggers.clip', { clip: r.clip, timecode: r.timecode ?? '—' })}</div>}
          {r.lateMs > 0 && <div className="label">{t('triggers.late', { ms: r.lateMs })}</div>}
        </li>
      ))}
    </ul>
  );
}
