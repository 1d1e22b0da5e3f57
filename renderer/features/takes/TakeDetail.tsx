import { useEffect, useId, useState } from 'react';
import type { OutcomeChange, OutcomeSaved } from '../../../shared/contract/takes';
import type { Take } from '../../../shared/schemas';
import { api, onEvent } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useCanControl } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { closeTake } from './reviewStore';
import { formatLength, formatSecond } from './format';
import { takeLabel } from './TakeTable';
import { OutcomeForm } from './OutcomeForm';
import { MarkTimeline } from './MarkTimeline';
import { MarkList } from './MarkList';
import { TakeTriggers } from '../triggers/TakeTriggers';
import { TakeReadiness } from '../network/TakeReadiness';

function History({ changes }: { changes: OutcomeChange[] }) {
  const t = useT();
  const name = (c: OutcomeChange['afterOutcome'], r: OutcomeChange['afterReason']) => `${t(`outcome.${c}`)}${r ? ` (${t(`reason.${r}`)})` : ''}`;
  if (changes.length === 0) return <p className="empty">{t('detail.noHistory')}</p>;
  return (
    <ol className="outcome-history">
      {changes.map((c, i) => (
        <li key={i}>
          {t('detail.change', {
            time: formatSecond(c.changedAt),
            who: c.changedBy || t('detail.someone'),
            before: name(c.beforeOutcome, c.beforeReason),
            after: name(c.afterOutcome, c.afterReason),
          })}
        </li>
      ))}
    </ol>
  );
}

/** One take in full: its times, outcome (editable, with history) and its marks on a timeline. */
export function TakeDetail({ id, attempts }: { id: number; attempts: number }) {
  const t = useT();
  const titleId = useId();
  const canControl = useCanControl();
  const [take, setTake] = useState<Take | null>(null);
  const [history, setHistory] = useState<OutcomeChange[]>([]);

  useEffect(() => {
    let live = true;
    const load = () =>
      Promise.all([api.getTake({ id }), api.getTakeHistory({ id })]).then(
        ([fresh, changes]) => {
          if (!live) return;
          setTake(fresh);
          setHistory(changes);
        },
        (error: unknown) => {
          showToast('error', (error as Error).message);
          closeTake();
        },
      );
    void load();
    // Every saved change (here or on another screen) announces itself: the history follows it.
    const off = onEvent('dataChanged', (c) => c.tables.includes('takes') && void load());
    return () => {
      live = false;
      off();
    };
  }, [id]);
  // The host answers a save with what it wrote: the rest of the take (names, marks) stays as shown.
  const saved = (written: OutcomeSaved) => setTake((shown) => (shown?.id === written.id ? { ...shown, ...written } : shown));
  const label = take ? takeLabel(t, { rehearsal: take.rehearsal, number: take.number, attempts }) : '';
  const lengthMs = take && take.endedAt !== null ? take.endedAt - take.goAt : null;
  return (
    <Dialog className="take-detail" labelledBy={titleId} onClose={closeTake} closeOnBackdrop>
      <header className="take-detail-header">
        <h2 id={titleId}>{take ? t('detail.title', { take: label, artist: take.artist, song: take.song }) : t('takes.loading')}</h2>
        <button data-autofocus type="button" className="ghost" onClick={closeTake}>{t('common.close')}</button>
      </header>
      {take && (
        <>
          <p className="take-performance">
            {take.rehearsal
              ? t('detail.rehearsalNote')
              : attempts > 1
                ? t('detail.performance', { count: attempts, number: take.number ?? '' })
                : t('detail.firstTime')}
            {take.recovered && <span className="badge">{t('takes.recovered')}</span>}
          </p>
          <section aria-label={t('detail.times')}>
            <dl className="take-times">
              <div><dt>{t('detail.countdownStart')}</dt><dd className="mono">{take.countdownStartedAt === null ? '—' : formatSecond(take.countdownStartedAt)}</dd></div>
              <div><dt>{t('detail.go')}</dt><dd className="mono">{formatSecond(take.goAt)}</dd></div>
              <div><dt>{t('detail.end')}</dt><dd className="mono">{take.endedAt === null ? t('detail.stillOpen') : formatSecond(take.endedAt)}</dd></div>
              <div><dt>{t('detail.duration')}</dt><dd className="mono">{formatLength(lengthMs)}</dd></div>
              <div><dt>{t('detail.loggedBy')}</dt><dd>{take.loggedBy || '—'}</dd></div>
            </dl>
          </section>
          <section aria-label={t('detail.outcome')}>
            <OutcomeForm key={`${take.id}:${take.outcome}:${take.failureReason ?? ''}:${take.note}`} take={take} canControl={canControl} onSaved={saved} />
          </section>
          <section aria-label={t('detail.timeline')}>
            <h3>{t('detail.timeline')}</h3>
            <MarkTimeline marks={take.marks} lengthMs={lengthMs} />
            <MarkList take={take} canControl={canControl} onSaved={saved} />
          </section>
          <TakeTriggers takeId={take.id} />
          <section aria-label={t('detail.history')}>
            <h3>{t('detail.history')}</h3>
            <History changes={history} />
          </section>
          <TakeReadiness takeId={take.id} />
        </>
      )}
    </Dialog>
  );
}
