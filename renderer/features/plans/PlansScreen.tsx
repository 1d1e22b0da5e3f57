import { useMemo, useState } from 'react';
import type { Plan } from '../../../shared/schemas';
import { nameKey } from '../../../shared/text';
import { formatClock } from '../../../shared/countdown';
import { useCanControl, usePlans } from '../../stores/data';
import { useT } from '../../stores/ui';
import { navigate } from '../../router';
import { selectPlanForConsole } from '../console/consoleStore';
import { PlanForm } from './PlanForm';

function matches(plan: Plan, query: string): boolean {
  if (!query) return true;
  const haystack = [plan.artist.name, plan.artist.nameAlt, plan.song, plan.venue?.name ?? '', ...plan.dancers.flatMap((d) => [d.name, d.nameAlt]), ...plan.guests.flatMap((g) => [g.name, g.nameAlt])];
  return haystack.some((h) => nameKey(h).includes(query));
}

export function PlansScreen() {
  const t = useT();
  const plans = usePlans();
  const canControl = useCanControl();
  const [editing, setEditing] = useState<Plan | 'new' | null>(null);
  const [query, setQuery] = useState('');
  const visible = useMemo(() => plans.filter((p) => matches(p, nameKey(query))), [plans, query]);
  const days = useMemo(() => {
    const groups = new Map<string, Plan[]>();
    for (const p of visible) groups.set(p.shootDate ?? '', [...(groups.get(p.shootDate ?? '') ?? []), p]);
    return [...groups];
  }, [visible]);

  return (
    <main className="screen plans-screen">
      <header className="screen-header">
        <h1>{t('plans.title')}</h1>
        <input type="search" aria-label={t('plans.search')} placeholder={t('plans.search')} value={query} onChange={(e) => setQuery(e.target.value)} />
        {canControl && (
          <button type="button" className="primary" onClick={() => setEditing('new')}>
            {t('plans.new')}
          </button>
        )}
      </header>
      {editing && <PlanForm plan={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />}
      {plans.length === 0 && !editing && <p className="empty">{t('plans.empty')}</p>}
      {days.map(([day, dayPlans]) => (
        <section key={day} aria-label={day || t('plans.unscheduled')}>
          <h2 className="day-heading">{day || t('plans.unscheduled')}</h2>
          <ol className="plan-list">
            {dayPlans.map((plan) => (
              <li key={plan.id} className="plan-card" aria-label={`${plan.artist.name} — ${plan.song}`}>
                <div className="plan-main">
                  <span className="plan-time">{plan.callTime ?? '—'}</span>
                  <span className="plan-artist">
                    {plan.artist.name} <span className="alt">{plan.artist.nameAlt}</span>
                  </span>
                  <span className="plan-song">{plan.song}</span>
                </div>
                <div className="plan-meta">
                  <span>{plan.venue?.name ?? t('common.none')}</span>
                  <span>{t('plan.countdown').split(' (')[0]} {formatClock(Math.round(plan.countdownMs / 1000))}</span>
                  {plan.dancers.length > 0 && <span>{t('plan.dancers')}: {plan.dancers.map((d) => d.name).join(', ')}</span>}
                  {plan.guests.length > 0 && <span>{t('plan.guests')}: {plan.guests.map((g) => g.name).join(', ')}</span>}
                  <span className={`status status--${plan.status}`}>{t(`plan.status.${plan.status}`)}</span>
                  {plan.takeCount > 0 && <span>{t('plans.takes', { count: plan.takeCount })}</span>}
                </div>
                {canControl && (
                  <div className="plan-actions">
                    <button type="button" onClick={() => setEditing(plan)} aria-label={`${t('plans.edit')}: ${plan.artist.name} — ${plan.song}`}>
                      {t('plans.edit')}
                    </button>
                    <button
                      type="button"
                      className="primary"
                      aria-label={`${t('plans.openInConsole')}: ${plan.artist.name} — ${plan.song}`}
                      onClick={() => {
                        selectPlanForConsole(plan.id);
                        navigate('console');
                      }}
                    >
                      {t('plans.openInConsole')}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </main>
  );
}
