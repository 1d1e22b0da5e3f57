import { useEffect, useState } from 'react';
import type { ReadinessEntry } from '../../../shared/contract/readiness';
import { api } from '../../api/client';
import { showToast, useT } from '../../stores/ui';
import { formatSecond } from '../takes/format';

/** Who was ready when, and every hold, in one take's run: shown in the take's detail. */
export function TakeReadiness({ takeId }: { takeId: number }) {
  const t = useT();
  const [entries, setEntries] = useState<ReadinessEntry[]>([]);
  useEffect(() => {
    let alive = true;
    // A list that could not be read says so, as the rest of the take's detail does: an empty space would read as "no holds".
    api.getTakeReadiness({ takeId }).then(
      (list) => alive && setEntries(list),
      (error: unknown) => alive && showToast('error', (error as Error).message),
    );
    return () => {
      alive = false;
    };
  }, [takeId]);
  if (entries.length === 0) return null;
  const say = (e: ReadinessEntry) =>
    e.kind === 'start' && e.departments === '' ? t('ready.log.startAllReady') : t(`ready.log.${e.kind}`, { departments: e.departments });
  return (
    <section aria-label={t('ready.log')}>
      <h3>{t('ready.log')}</h3>
      <ol className="outcome-history">
        {entries.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            {formatSecond(e.at)} · {say(e)}
          </li>
        ))}
      </ol>
    </section>
  );
}
