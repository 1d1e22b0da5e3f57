import { useEffect, useState } from 'react';
import { api, onEvent } from '../../api/client';
import { saveFile } from '../../api/print';
import { attempt } from '../../stores/data';
import { asJob } from '../../stores/jobs';
import { JobProgress } from '../../components/JobProgress';
import { showToast, useT } from '../../stores/ui';
import { refreshReview, reviewFilter, setReportOpen, startReview, useReview, useSelected, useSummary, useTotal } from './reviewStore';
import { ReviewFilters } from './ReviewFilters';
import { SummaryFigures } from './SummaryPanel';
import { TakeTable } from './TakeTable';
import { TakeDetail } from './TakeDetail';
import { TakeReport } from './TakeReport';

/** Saves every take the filters match, in the table's order, with times on this computer's clock. */
async function exportAs(format: 'csv' | 'json'): Promise<string | undefined> {
  const { sort, direction } = useReview.getState();
  const file = await asJob('exportTakes', () => attempt(() => api.exportTakes({ ...reviewFilter(), sort, direction, format, utcOffsetMinutes: -new Date().getTimezoneOffset() })));
  if (!file) return undefined;
  saveFile(file);
  return file.filename;
}

function Summary() {
  const t = useT();
  const summary = useSummary();
  const [open, setOpen] = useState(true);
  return (
    <section className="review-summary" aria-labelledby="review-summary-title">
      <div className="review-summary-head">
        <h2 id="review-summary-title">{t('summary.title')}</h2>
        <button type="button" className="ghost no-print" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('summary.hide') : t('summary.show')}
        </button>
      </div>
      {open && summary && <SummaryFigures summary={summary} limit={6} />}
    </section>
  );
}

/** The take log: filters, summary, the virtualised table of every take, and one take in detail. */
export function TakesScreen() {
  const t = useT();
  const total = useTotal();
  const selected = useSelected();
  const reportOpen = useReview((s) => s.reportOpen);

  useEffect(() => {
    startReview();
    return onEvent('dataChanged', (c) => c.tables.includes('takes') && refreshReview());
  }, []);

  if (reportOpen) {
    return (
      <main className="screen takes-screen">
        <TakeReport />
      </main>
    );
  }
  const exported = (file: string | undefined) => file && showToast('info', { key: 'takes.exported', params: { count: total ?? 0, file } });
  return (
    <main className="screen takes-screen">
      <header className="screen-header">
        <h1>{t('takes.title')}</h1>
        <span className="take-count" role="status">{total === null ? '' : t('takes.count', { count: total })}</span>
        <div className="review-actions no-print">
          <button type="button" onClick={() => void exportAs('csv').then(exported)}>{t('takes.exportCsv')}</button>
          <button type="button" onClick={() => void exportAs('json').then(exported)}>{t('takes.exportJson')}</button>
          <button type="button" onClick={() => setReportOpen(true)}>{t('takes.printReport')}</button>
          <JobProgress jobs={['exportTakes']} />
        </div>
      </header>
      <ReviewFilters />
      <Summary />
      <TakeTable />
      {selected && <TakeDetail key={selected.id} id={selected.id} attempts={selected.attempts} />}
    </main>
  );
}
