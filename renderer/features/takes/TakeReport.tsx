import { useEffect, useState } from 'react';
import type { TakeRow, TakeSummary } from '../../../shared/contract/takes';
import { PAGE_MAX } from '../../../shared/contract/takes';
import { api } from '../../api/client';
import { printDocument } from '../../api/print';
import { usePeople, useVenues } from '../../stores/data';
import { showToast, useLanguage, useT } from '../../stores/ui';
import { reviewFilter, setReportOpen, useReview } from './reviewStore';
import { formatLength, formatMinute } from './format';
import { nameIn } from '../../../shared/script';
import { SummaryFigures } from './SummaryPanel';
import { takeLabel } from './TakeTable';

interface ReportData {
  summary: TakeSummary;
  rows: TakeRow[];
  total: number;
  crew: string;
  madeAt: number;
}

/** The filters in words, for the report's header. */
function useFilterWords(): string {
  const t = useT();
  const language = useLanguage();
  const venueName = (venue: { name: string; nameAlt: string } | undefined) => venue && nameIn(language, venue);
  const controls = useReview((s) => s.controls);
  const people = usePeople();
  const venues = useVenues();
  const words = [
    controls.artistId !== null ? people.find((p) => p.id === controls.artistId)?.name : undefined,
    controls.venueId !== null ? venueName(venues.find((v) => v.id === controls.venueId)) : undefined,
    controls.outcome ? t(`outcome.${controls.outcome}`) : undefined,
    controls.from || controls.to ? `${controls.from || '…'} – ${controls.to || '…'}` : undefined,
    controls.rehearsal !== 'exclude' ? `${t('takes.rehearsalFilter')}: ${t(`takes.rehearsal.${controls.rehearsal}`)}` : undefined,
    controls.text ? `“${controls.text}”` : undefined,
  ].filter(Boolean);
  return words.length ? words.join(' · ') : t('takes.reportNoFilters');
}

/**
 * The printable take report: the summary and the filtered takes with their notes and marks, in the
 * table's order. Printing uses the print stylesheet (a PDF through printToPDF in the desktop app).
 */
export function TakeReport() {
  const t = useT();
  const sort = useReview((s) => s.sort);
  const direction = useReview((s) => s.direction);
  const filterWords = useFilterWords();
  const [data, setData] = useState<ReportData | null>(null);

  useEffect(() => {
    let live = true;
    const filter = reviewFilter();
    Promise.all([api.takeSummary(filter), api.queryTakes({ ...filter, sort, direction, limit: PAGE_MAX }), api.getBootstrap(undefined)]).then(
      ([summary, page, boot]) => live && setData({ summary, rows: page.rows, total: page.total, crew: boot.crewName, madeAt: Date.now() }),
      (error: unknown) => showToast('error', (error as Error).message),
    );
    return () => {
      live = false;
    };
  }, [sort, direction]);

  return (
    <article className="take-report" aria-labelledby="take-report-title">
      <div className="report-actions no-print">
        <button type="button" className="ghost" onClick={() => setReportOpen(false)}>{t('takes.back')}</button>
        <button type="button" className="primary" disabled={!data} onClick={() => void printDocument('cuelight-take-report.pdf')}>{t('takes.print')}</button>
      </div>
      <header>
        <h1 id="take-report-title">{t('takes.report')}</h1>
        <p>{t('takes.reportFilters', { filters: filterWords })}</p>
        {data && <p>{t('takes.reportGenerated', { time: formatMinute(data.madeAt), crew: data.crew || '—' })}</p>}
      </header>
      {!data ? (
        <p className="empty">{t('takes.loading')}</p>
      ) : (
        <>
          <section className="report-summary" aria-label={t('summary.title')}>
            <SummaryFigures summary={data.summary} limit={12} />
          </section>
          {data.total > data.rows.length && <p className="report-capped">{t('takes.reportCapped', { shown: data.rows.length, total: data.total })}</p>}
          <table className="report-table" aria-label={t('takes.table')}>
            <thead>
              <tr>
                {(['take', 'artist', 'song', 'venue', 'go', 'duration', 'outcome', 'note'] as const).map((c) => (
                  <th key={c} scope="col">{t(`takes.col.${c}`)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    {takeLabel(t, row)}
                    {!row.rehearsal && row.attempts > 1 && row.number === row.attempts && <div className="badge">{t('takes.moreThanOne', { count: row.attempts })}</div>}
                  </td>
                  <td>{row.artist}</td>
                  <td>{row.song}</td>
                  <td>{row.venue}</td>
                  <td className="mono">{formatMinute(row.goAt)}</td>
                  <td className="mono">{formatLength(row.endedAt === null ? null : row.endedAt - row.goAt)}</td>
                  <td>{t(`outcome.${row.outcome}`)}{row.failureReason ? ` · ${t(`reason.${row.failureReason}`)}` : ''}</td>
                  <td>
                    {row.note && <p>{row.note}</p>}
                    {row.marks.length > 0 && (
                      <ul className="mark-list">
                        {row.marks.map((m) => (
                          <li key={m.id}><span className="mono">{formatLength(m.atMs)}</span> {m.note}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="report-footer">{t('takes.count', { count: data.total })}</p>
        </>
      )}
    </article>
  );
}
