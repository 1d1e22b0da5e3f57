import { useEffect, useState } from 'react';
import { OUTCOMES } from '../../../shared/schemas';
import type { Outcome, Take } from '../../../shared/schemas';
import { formatClock } from '../../../shared/countdown';
import { onEvent } from '../../api/client';
import { attempt, fetchTakes } from '../../stores/data';
import { useT } from '../../stores/ui';

const timeFormat = new Intl.DateTimeFormat('sv-SE', { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

export function TakesScreen() {
  const t = useT();
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [takes, setTakes] = useState<Take[]>([]);
  const [version, setVersion] = useState(0);

  useEffect(() => onEvent('dataChanged', (c) => c.tables.includes('takes') && setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    void attempt(() => fetchTakes({ ...(text ? { text } : {}), ...(outcome ? { outcome } : {}) })).then((rows) => live && rows && setTakes(rows));
    return () => {
      live = false;
    };
  }, [text, outcome, version]);

  const attemptsByPlan = new Map<number, number>();
  for (const take of takes) if (!take.rehearsal) attemptsByPlan.set(take.planId, Math.max(attemptsByPlan.get(take.planId) ?? 0, take.number ?? 0));

  return (
    <main className="screen takes-screen">
      <header className="screen-header">
        <h1>{t('takes.title')}</h1>
        <input type="search" aria-label={t('takes.filter')} placeholder={t('takes.filter')} value={text} onChange={(e) => setText(e.target.value)} />
        <label>
          {t('takes.outcomeFilter')}{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as Outcome | '')}>
            <option value="">{t('takes.all')}</option>
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>{t(`outcome.${o}`)}</option>
            ))}
          </select>
        </label>
      </header>
      {takes.length === 0 ? (
        <p className="empty">{t('takes.empty')}</p>
      ) : (
        <table className="take-table">
          <thead>
            <tr>
              <th scope="col">{t('takes.col.take')}</th>
              <th scope="col">{t('takes.col.artist')}</th>
              <th scope="col">{t('takes.col.song')}</th>
              <th scope="col">{t('takes.col.venue')}</th>
              <th scope="col">{t('takes.col.go')}</th>
              <th scope="col">{t('takes.col.duration')}</th>
              <th scope="col">{t('takes.col.outcome')}</th>
              <th scope="col">{t('takes.col.note')}</th>
            </tr>
          </thead>
          <tbody>
            {takes.map((take) => (
              <tr key={take.id}>
                <td>
                  {take.rehearsal ? t('takes.rehearsal') : `#${take.number}`}
                  {!take.rehearsal && (attemptsByPlan.get(take.planId) ?? 0) > 1 && take.number === attemptsByPlan.get(take.planId) && (
                    <span className="badge">{t('takes.moreThanOne', { count: attemptsByPlan.get(take.planId) ?? 0 })}</span>
                  )}
                </td>
                <td>{take.artist}</td>
                <td>{take.song}</td>
                <td>{take.venue}</td>
                <td className="mono">
                  {timeFormat.format(take.goAt)}
                  {take.recovered && <span className="badge">{t('takes.recovered')}</span>}
                </td>
                <td className="mono">{take.endedAt === null ? '—' : formatClock(Math.floor((take.endedAt - take.goAt) / 1000))}</td>
                <td>
                  <span className={`outcome outcome--${take.outcome}`}>{t(`outcome.${take.outcome}`)}</span>
                  {take.failureReason && <span className="reason"> · {t(`reason.${take.failureReason}`)}</span>}
                </td>
                <td>
                  {take.note}
                  {take.marks.length > 0 && (
                    <ul className="mark-list" aria-label={t('takes.marks')}>
                      {take.marks.map((m) => (
                        <li key={m.id}><span className="mono">{formatClock(Math.floor(m.atMs / 1000))}</span> {m.note}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}
