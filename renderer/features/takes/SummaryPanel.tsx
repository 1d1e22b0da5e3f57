import type { SuccessRate, TakeSummary } from '../../../shared/contract/takes';
import { useLanguage, useT } from '../../stores/ui';
import type { Bar } from './BarChart';
import { BarChart } from './BarChart';
import { formatCount, formatLength, formatPercent } from './format';

function rateBars(rates: SuccessRate[], t: ReturnType<typeof useT>, language: string, limit: number): Bar[] {
  return rates.slice(0, limit).map((r) => ({
    label: r.id === null ? t('takes.noVenue') : r.name,
    share: r.rate ?? 0,
    // A performance whose only take is pending has no rate yet: it says so instead of 0%.
    value: r.performances === 0 ? t('summary.pending', { count: r.pending }) : `${formatPercent(r.rate, language)} (${r.firstTakeSuccesses}/${r.performances})`,
    tone: 'chart-bar--success',
  }));
}

/** The headline figures and four small charts; `limit` caps the artist and venue bars. */
export function SummaryFigures({ summary, limit }: { summary: TakeSummary; limit: number }) {
  const t = useT();
  const language = useLanguage();
  const most = (counts: number[]) => Math.max(1, ...counts);
  const outcomeMax = most(summary.outcomes.map((o) => o.count));
  const reasonMax = most(summary.failureReasons.map((r) => r.count));
  const noteFor = (rates: SuccessRate[]) => (rates.length === 0 ? t('summary.none') : rates.length > limit ? t('summary.top', { count: limit }) : undefined);
  return (
    <>
      <dl className="summary-stats">
        <div className={`summary-stat summary-stat--lead${summary.firstTakeSuccessRate === null ? ' summary-stat--none' : ''}`}>
          <dt>{t('summary.firstTake')}</dt>
          <dd>
            <strong>{formatPercent(summary.firstTakeSuccessRate, language)}</strong>
            <span>{t('summary.firstTakeOf', { successes: formatCount(summary.firstTakeSuccesses, language), performances: summary.performances })}</span>
            {summary.pendingPerformances > 0 && <span className="summary-pending">{t('summary.pending', { count: summary.pendingPerformances })}</span>}
          </dd>
        </div>
        <div className="summary-stat">
          <dt>{t('summary.averageTake')}</dt>
          <dd><strong className="mono">{formatLength(summary.averageTakeMs)}</strong></dd>
        </div>
        <div className="summary-stat">
          <dt>{t('summary.multiTake')}</dt>
          <dd><strong>{formatCount(summary.multiTakePerformances, language)}</strong><span>{t('summary.multiTakeOf', { count: summary.performances })}</span></dd>
        </div>
        <div className="summary-stat">
          <dt>{t('summary.takes')}</dt>
          <dd><strong>{formatCount(summary.takes, language)}</strong></dd>
        </div>
      </dl>
      <div className="summary-charts">
        <BarChart
          title={t('summary.outcomes')}
          bars={summary.outcomes.map((o) => ({ label: t(`outcome.${o.outcome}`), share: o.count / outcomeMax, value: formatCount(o.count, language), tone: `chart-bar--${o.outcome}` }))}
        />
        <BarChart
          title={t('summary.reasons')}
          bars={summary.failureReasons.map((r) => ({ label: t(`reason.${r.reason}`), share: r.count / reasonMax, value: formatCount(r.count, language), tone: 'chart-bar--failed' }))}
        />
        <BarChart title={t('summary.byArtist')} bars={rateBars(summary.byArtist, t, language, limit)} note={noteFor(summary.byArtist)} />
        <BarChart title={t('summary.byVenue')} bars={rateBars(summary.byVenue, t, language, limit)} note={noteFor(summary.byVenue)} />
      </div>
    </>
  );
}
