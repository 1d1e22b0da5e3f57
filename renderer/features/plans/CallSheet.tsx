import { useId } from 'react';
import type { PlanEntry } from '../../../shared/contract/plans';
import type { Venue } from '../../../shared/schemas';
import { printDocument } from '../../api/print';
import { useLanguage, useT } from '../../stores/ui';
import { nameIn, otherNameIn } from '../../../shared/script';
import { formatDuration } from '../../../shared/duration';
import { formatDay } from './PlanDayList';
import { showCallSheet } from './plansUi';

const withAlt = (m: { name: string; nameAlt: string }) => (m.nameAlt ? `${m.name} (${m.nameAlt})` : m.name);

/** A shoot day on paper: performances in run order with call times, venues and everyone on stage. */
export function CallSheet({ day, plans }: { day: string; plans: PlanEntry[] }) {
  const t = useT();
  const language = useLanguage();
  const titleId = useId();
  const label = day ? formatDay(day, language) : t('plans.unscheduled');
  const venues = [...new Map(plans.filter((p) => p.venue).map((p) => [p.venue!.id, p.venue!] as [number, Venue])).values()];
  return (
    <article className="call-sheet" aria-labelledby={titleId}>
      <header className="call-sheet-header">
        <div>
          <h1 id={titleId}>
            {t('plans.sheet.title')} · {label}
          </h1>
          <p className="call-sheet-sub">
            {t('app.name')} · {t('plans.dayPlans', { count: plans.length })}
          </p>
        </div>
        <div className="form-actions no-print">
          <button type="button" className="primary" onClick={() => void printDocument(`call-sheet-${day || 'undated'}.pdf`)}>
            {t('plans.sheet.print')}
          </button>
          <button type="button" onClick={() => showCallSheet(null)}>
            {t('plans.sheet.back')}
          </button>
        </div>
      </header>
      <table className="call-sheet-table">
        <caption>{t('plans.sheet.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('plans.sheet.order')}</th>
            <th scope="col">{t('plans.sheet.call')}</th>
            <th scope="col">{t('plans.sheet.performance')}</th>
            <th scope="col">{t('plans.sheet.venue')}</th>
            <th scope="col">{t('plans.sheet.performers')}</th>
            <th scope="col">{t('plans.sheet.countdown')}</th>
            <th scope="col">{t('plans.sheet.notes')}</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((plan, i) => (
            <tr key={plan.id}>
              <td className="mono">{i + 1}</td>
              <td className="mono call-time">{plan.callTime ?? '—'}</td>
              <td>
                <strong>{withAlt(plan.artist)}</strong>
                <div>{plan.song}</div>
                {plan.songLengthMs !== null && <div className="muted">{t('plans.sheet.length', { length: formatDuration(plan.songLengthMs) })}</div>}
              </td>
              <td>{plan.venue ? nameIn(language, plan.venue) : '—'}</td>
              <td>
                {plan.dancers.length > 0 && <div>{t('plan.dancers')}: {plan.dancers.map(withAlt).join(', ')}</div>}
                {plan.guests.length > 0 && <div>{t('plan.guests')}: {plan.guests.map(withAlt).join(', ')}</div>}
              </td>
              <td className="mono">{formatDuration(plan.countdownMs)}</td>
              <td className="pre-wrap">{plan.notes}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {venues.length > 0 && (
        <section aria-label={t('plans.sheet.venues')}>
          <h2>{t('plans.sheet.venues')}</h2>
          <dl className="call-sheet-venues">
            {venues.map((v) => (
              <div key={v.id}>
                <dt>
                  {nameIn(language, v)} {otherNameIn(language, v) && <span className="alt">{otherNameIn(language, v)}</span>}
                </dt>
                <dd>{[v.address, v.area].filter(Boolean).join(' · ')}</dd>
                {v.notes && <dd className="pre-wrap">{v.notes}</dd>}
              </div>
            ))}
          </dl>
        </section>
      )}
    </article>
  );
}
