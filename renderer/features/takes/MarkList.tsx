import { useState } from 'react';
import type { Mark, Take } from '../../../shared/schemas';
import { takeSeconds } from '../../../shared/countdown';
import { api } from '../../api/client';
import { attempt } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { parseDuration } from '../../../shared/duration';
import { formatLength } from './format';

/** One mark's time and note, editable; saving sends only when something changed. */
function MarkEditor({ mark, n, canControl, onSaved }: { mark: Mark; n: number; canControl: boolean; onSaved: (take: Take) => void }) {
  const t = useT();
  const [time, setTime] = useState(formatLength(mark.atMs));
  const [note, setNote] = useState(mark.note);
  const [error, setError] = useState('');
  const atMs = parseDuration(time);
  const changed = note !== mark.note || time.trim() !== formatLength(mark.atMs);

  const save = async () => {
    if (atMs === null) return setError(t('detail.badTime'));
    setError('');
    const take = await attempt(() => api.updateTakeMark({ id: mark.id, note, ...(takeSeconds(atMs) !== takeSeconds(mark.atMs) ? { atMs } : {}) }));
    if (take) {
      showToast('info', { key: 'detail.markSaved' });
      onSaved(take);
    }
  };
  const remove = async () => {
    const take = await attempt(() => api.deleteTakeMark({ id: mark.id }));
    if (take) onSaved(take);
  };
  return (
    <li className="mark-editor">
      <span className="mark-pin" aria-hidden="true">{n}</span>
      <input className="mono mark-time" aria-label={t('detail.markTime', { n })} value={time} disabled={!canControl} aria-invalid={error !== '' || undefined}
        onChange={(e) => setTime(e.target.value)} />
      <input className="mark-note" aria-label={t('detail.markNote', { n })} value={note} disabled={!canControl} onChange={(e) => setNote(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && changed && void save()} />
      <button type="button" disabled={!canControl || !changed} onClick={() => void save()}>{t('detail.saveMark', { n })}</button>
      <button type="button" className="ghost" disabled={!canControl} onClick={() => void remove()}>{t('detail.deleteMark', { n })}</button>
      {error && <span className="field-error" role="alert">{error}</span>}
    </li>
  );
}

/** The marks as a list to edit, and a form to add one afterwards at a typed time. */
export function MarkList({ take, canControl, onSaved }: { take: Take; canControl: boolean; onSaved: (take: Take) => void }) {
  const t = useT();
  const [time, setTime] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const add = async () => {
    const atMs = parseDuration(time);
    if (atMs === null) return setError(t('detail.badTime'));
    setError('');
    const saved = await attempt(() => api.addTakeMark({ takeId: take.id, atMs, note }));
    if (saved) {
      setTime('');
      setNote('');
      onSaved(saved);
    }
  };
  return (
    <>
      {take.marks.length === 0 ? (
        <p className="empty">{t('detail.noMarks')}</p>
      ) : (
        <ol className="mark-editors" aria-label={t('takes.marks')}>
          {take.marks.map((m, i) => (
            <MarkEditor key={`${m.id}:${m.atMs}:${m.note}`} mark={m} n={i + 1} canControl={canControl} onSaved={onSaved} />
          ))}
        </ol>
      )}
      {canControl && (
        <form className="inline-form mark-add" onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}>
          <input className="mono mark-time" aria-label={t('detail.newMarkTime')} placeholder="0:00" value={time} onChange={(e) => setTime(e.target.value)} />
          <input aria-label={t('detail.newMarkNote')} placeholder={t('detail.newMarkNote')} value={note} onChange={(e) => setNote(e.target.value)} />
          <button type="submit">{t('detail.addMark')}</button>
          {error && <span className="field-error" role="alert">{error}</span>}
        </form>
      )}
    </>
  );
}
