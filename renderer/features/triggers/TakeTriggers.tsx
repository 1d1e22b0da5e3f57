import { useEffect, useState } from 'react';
import type { TriggerResult } from '../../../shared/contract/triggers';
import { api, onEvent } from '../../api/client';
import { useT } from '../../stores/ui';
import { ResultList } from './ResultList';

/** In a take's detail: every trigger fired for it, with the recorders' clips and timecodes. */
export function TakeTriggers({ takeId }: { takeId: number }) {
  const t = useT();
  const [results, setResults] = useState<TriggerResult[]>([]);
  useEffect(() => {
    const load = () => void api.getTakeTriggers({ takeId }).then(setResults, () => undefined);
    load();
    return onEvent('triggerResult', load);
  }, [takeId]);
  return (
    <section aria-label={t('triggers.title')}>
      <h3>{t('triggers.title')}</h3>
      <ResultList results={results} empty={t('triggers.takeNone')} />
    </section>
  );
}
