import { useId } from 'react';
import type { ImportError } from '../../../shared/contract/plans';
import { useT } from '../../stores/ui';
import { JobProgress } from '../../components/JobProgress';
import { exportAs, importFile, importValidRows } from './planActions';
import { setImportReport, usePlansUi } from './plansUi';

/** Export buttons and the file picker for import; the picker is a real labelled input, so keyboards and tests reach it. */
export function ImportExportTools({ canControl }: { canControl: boolean }) {
  const t = useT();
  return (
    <div className="plans-tools" role="group" aria-label={t('plans.tools')}>
      <button type="button" onClick={() => void exportAs('csv')}>{t('plans.exportCsv')}</button>
      <button type="button" onClick={() => void exportAs('json')}>{t('plans.exportJson')}</button>
      {canControl && (
        <label className="button file-button">
          {t('plans.import')}
          <input
            type="file"
            className="visually-hidden"
            accept=".csv,.json,text/csv,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = ''; // choosing the same file again, once fixed, must import again
              if (file) void importFile(file);
            }}
          />
        </label>
      )}
      <JobProgress jobs={['importPlans', 'exportPlans']} />
    </div>
  );
}

const SHOWN = 200;

/** What was wrong, by line and column; nothing was imported, and the producer picks what next. */
export function ImportReportPanel() {
  const t = useT();
  const report = usePlansUi((s) => s.importReport);
  const titleId = useId();
  if (!report) return null;
  const { result } = report;
  const badLines = new Set(result.errors.map((e) => e.line)).size;
  const message = (e: ImportError) => (e.code === 'invalid' ? e.message : t(`plans.err.${e.code}`));
  return (
    <section className="panel import-report" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('plans.importProblems', { file: report.file })}</h2>
      <p role="alert">
        {result.valid > 0
          ? t('plans.importSummary', { bad: badLines, rows: result.rows })
          : t('plans.importNone')}
      </p>
      <table className="import-errors">
        <thead>
          <tr>
            <th scope="col">{t('plans.importLine')}</th>
            <th scope="col">{t('plans.importColumn')}</th>
            <th scope="col">{t('plans.importProblem')}</th>
          </tr>
        </thead>
        <tbody>
          {result.errors.slice(0, SHOWN).map((e, i) => (
            <tr key={i}>
              <td className="mono">{e.line}</td>
              <td className="mono">{e.column || '—'}</td>
              <td>{message(e)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.errors.length > SHOWN && <p>{t('plans.importMore', { count: result.errors.length - SHOWN })}</p>}
      <div className="form-actions">
        {result.valid > 0 && (
          <button type="button" className="primary" onClick={() => void importValidRows(report)}>
            {t('plans.importOnlyValid', { count: result.valid })}
          </button>
        )}
        <button type="button" onClick={() => setImportReport(null)}>
          {t('common.close')}
        </button>
      </div>
    </section>
  );
}
