import { useEffect } from 'react';
import { FAILURE_REASONS } from '../../../shared/schemas';
import type { FailureReason } from '../../../shared/schemas';
import type { CountdownSnapshot } from '../../../shared/api';
import { formatTakeTime } from '../../../shared/countdown';
import { api } from '../../api/client';
import { useT } from '../../stores/ui';
import { commandById, MARK_INPUT_ID } from './commands';
import { setFailureReason, setTake, setTakeNote, useConsole } from './consoleStore';
import { CommandButton } from './CommandButton';

/** The take opened at GO: marks while it runs, then its outcome, shown as saved only once committed. */
export function TakePanel({ snapshot }: { snapshot: CountdownSnapshot }) {
  const t = useT();
  const take = useConsole((s) => s.take);
  const note = useConsole((s) => s.takeNote);
  const reason = useConsole((s) => s.failureReason);
  const takeId = snapshot.takeId;

  useEffect(() => {
    if (takeId === null) return setTake(null);
    void api.getTake({ id: takeId }).then(setTake, () => setTake(null));
  }, [takeId, snapshot.phase]);

  if (takeId === null || !take || take.id !== takeId) return null;
  const title = take.rehearsal ? t('console.rehearsalTake') : t('console.take', { number: take.number ?? '' });

  return (
    <section className="panel take-panel" aria-label={title}>
      <h2>
        {title} <span className={`outcome outcome--${take.outcome}`}>{t(`outcome.${take.outcome}`)}</span>
      </h2>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void commandById('mark').run();
        }}
      >
        <input id={MARK_INPUT_ID} aria-label={t('console.markPlaceholder')} placeholder={t('console.markPlaceholder')} />
        <button type="submit">{t('console.mark')} <kbd aria-hidden="true">M</kbd></button>
      </form>
      {take.marks.length > 0 && (
        <ul className="mark-list" aria-label={t('takes.marks')}>
          {take.marks.map((m) => (
            <li key={m.id}>
              <span className="mono">{formatTakeTime(m.atMs)}</span> {m.note}
            </li>
          ))}
        </ul>
      )}
      <label>
        {t('console.note')}
        <textarea rows={2} value={note} onChange={(e) => setTakeNote(e.target.value)} />
      </label>
      <label>
        {t('console.failureReason')}
        <select value={reason} onChange={(e) => setFailureReason(e.target.value as FailureReason)}>
          {FAILURE_REASONS.map((r) => (
            <option key={r} value={r}>{t(`reason.${r}`)}</option>
          ))}
        </select>
      </label>
      <div className="form-actions">
        <CommandButton id="succeeded" className="success" />
        <CommandButton id="failed" className="danger" />
      </div>
    </section>
  );
}
