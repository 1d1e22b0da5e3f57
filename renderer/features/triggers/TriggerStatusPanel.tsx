import { useT } from '../../stores/ui';
import { ResultList } from './ResultList';
import { useLiveResults } from './liveResults';

/** On the console: what show control did for this countdown; a failure is announced as it lands. */
export function TriggerStatusPanel() {
  const t = useT();
  const results = useLiveResults((s) => s.results);
  const failed = results.filter((r) => r.status === 'failed');
  return (
    <section className="panel" aria-label={t('triggers.live')}>
      <h2>{t('triggers.live')}</h2>
      <div role="alert">{failed.length > 0 && failed.map((r, i) => <p key={i} className="error">{t('triggers.failedToast', { name: r.name, detail: r.detail })}</p>)}</div>
      <ResultList results={results} empty={t('triggers.liveNone')} />
    </section>
  );
}
