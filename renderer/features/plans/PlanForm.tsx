import { useEffect, useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { PlanEntry } from '../../../shared/contract/plans';
import type { PlanInput } from '../../../shared/schemas';
import { api, type ApiCallError } from '../../api/client';
import { usePeople, useVenues } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { SaveCancel } from '../../components/SaveCancel';
import { RosterHint } from '../roster/RosterHint';
import { PeopleField } from './PeopleField';
import { parseDuration } from '../../../shared/duration';
import { clearDraft, draftFrom, loadDraft, sameDraft, saveDraft, type Draft, type DraftTarget } from './planDraft';
import { stopEditing } from './plansUi';

const byName = (name: string) => ({ name: name.trim() });
const filled = (names: string[]) => names.filter((n) => n.trim() !== '').map(byName);
/** Fields with their own place for an error; any other error shows at the foot of the form. */
const PLACED = ['artist', 'song', 'songLengthMs', 'venue', 'shootDate', 'callTime', 'countdownMs', 'warningMs', 'dangerMs', 'dancers', 'guests'];

/**
 * A plan's form. What is typed is kept as a draft on every change (per plan, in local storage),
 * so a reload, a crash or a refused save loses nothing; Save or Cancel ends the draft.
 */
export function PlanForm({ target, plan }: { target: DraftTarget; plan: PlanEntry | null }) {
  const t = useT();
  const people = usePeople();
  const venues = useVenues();
  const ids = { artists: useId(), venues: useId(), title: useId() };
  const [start] = useState(() => {
    const saved = loadDraft(target);
    return { draft: saved ?? draftFrom(plan), restored: saved !== null && !sameDraft(saved, draftFrom(plan)) };
  });
  const [draft, setDraft] = useState<Draft>(start.draft);
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => saveDraft(target, draft), [target, draft]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const countdownMs = parseDuration(draft.countdown);
  const warningMs = parseDuration(draft.warning);
  const dangerMs = parseDuration(draft.danger);
  const songLengthMs = draft.songLength.trim() === '' ? undefined : parseDuration(draft.songLength);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const times = { songLengthMs, countdownMs, warningMs, dangerMs };
    const unreadable = Object.entries(times).find(([, v]) => v === null);
    if (unreadable || countdownMs === null || warningMs === null || dangerMs === null || songLengthMs === null) {
      setFieldError({ field: unreadable?.[0] ?? 'countdownMs', message: t('plan.countdownInvalid') });
      return;
    }
    const input: PlanInput = {
      artist: byName(draft.artist),
      song: draft.song,
      countdownMs,
      warningMs,
      dangerMs,
      dancers: filled(draft.dancers),
      guests: filled(draft.guests),
      notes: draft.notes,
      status: draft.status,
      ...(songLengthMs !== undefined ? { songLengthMs } : {}),
      ...(draft.venue.trim() ? { venue: byName(draft.venue) } : {}),
      ...(draft.shootDate ? { shootDate: draft.shootDate } : {}),
      ...(draft.callTime ? { callTime: draft.callTime } : {}),
    };
    setSaving(true);
    try {
      if (plan) await api.updatePlan({ id: plan.id, plan: input });
      else await api.createPlan(input);
      clearDraft(target);
      stopEditing();
      showToast('info', { key: 'common.saved' });
    } catch (error) {
      const e = error as ApiCallError;
      // An edit's fields arrive as plan.<field>; the form's fields are named without the prefix.
      setFieldError({ field: (e.error?.field ?? '').replace(/^plan\./, ''), message: e.message.replace(/^[\w.]+: /, '') });
    } finally {
      setSaving(false);
    }
  };

  const cancel = () => {
    clearDraft(target);
    stopEditing();
  };

  const errorFor = (field: string) =>
    fieldError && fieldError.field.split('.')[0] === field ? (
      <span className="field-error" role="alert">
        {fieldError.message}
      </span>
    ) : null;
  const text = (field: keyof Draft, label: string, error: string, extra: Record<string, unknown> = {}): ReactNode => (
    <label>
      {label}
      <input value={draft[field] as string} aria-invalid={fieldError?.field.split('.')[0] === error || undefined} onChange={(e) => set(field, e.target.value)} {...extra} />
      {errorFor(error)}
    </label>
  );
  const time = (field: 'songLength' | 'countdown' | 'warning' | 'danger', label: string, error: string, value: number | null | undefined) =>
    text(field, label, error, { inputMode: 'numeric', 'aria-invalid': value === null || fieldError?.field === error || undefined });
  const title = plan ? t('plan.form.titleEdit') : t('plan.form.titleNew');

  return (
    <form className="plan-form" onSubmit={(event) => void submit(event)} aria-labelledby={ids.title}>
      <h2 id={ids.title}>{title}</h2>
      {start.restored && (
        <p className="draft-note" role="status">
          {t('plan.draftRestored')}
        </p>
      )}
      <datalist id={ids.artists}>
        {people.filter((p) => p.roles.includes('artist')).map((p) => (
          <option key={p.id} value={p.name}>{p.nameAlt}</option>
        ))}
      </datalist>
      <datalist id={ids.venues}>
        {venues.map((v) => (
          <option key={v.id} value={v.name}>{[v.nameAlt, v.area].filter(Boolean).join(' · ')}</option>
        ))}
      </datalist>
      <div className="form-grid">
        <div className="field">
          {text('artist', t('plan.artist'), 'artist', { required: true, list: ids.artists })}
          <RosterHint kind="person" role="artist" name={draft.artist} onPicked={(name) => set('artist', name)} />
        </div>
        {text('song', t('plan.song'), 'song', { required: true })}
        {time('songLength', t('plan.songLength'), 'songLengthMs', songLengthMs)}
        <div className="field">
          {text('venue', t('plan.venue'), 'venue', { list: ids.venues })}
          <RosterHint kind="venue" name={draft.venue} onPicked={(name) => set('venue', name)} />
        </div>
        {text('shootDate', t('plan.shootDate'), 'shootDate', { type: 'date' })}
        {text('callTime', t('plan.callTime'), 'callTime', { type: 'time' })}
        {time('countdown', t('plan.countdown'), 'countdownMs', countdownMs)}
        {time('warning', t('plan.warning'), 'warningMs', warningMs)}
        {time('danger', t('plan.danger'), 'dangerMs', dangerMs)}
        <label>
          {t('plan.status')}
          <select value={draft.status} onChange={(e) => set('status', e.target.value as Draft['status'])}>
            <option value="draft">{t('plan.status.draft')}</option>
            <option value="ready">{t('plan.status.ready')}</option>
            {/* Shot is set by a successful take; it is offered only to keep it. */}
            {draft.status === 'shot' && <option value="shot">{t('plan.status.shot')}</option>}
          </select>
        </label>
      </div>
      <PeopleField legend={t('plan.dancers')} addLabel={t('plan.addDancer')} role="dancer" names={draft.dancers} people={people} onChange={(v) => set('dancers', v)} />
      {errorFor('dancers')}
      <PeopleField legend={t('plan.guests')} addLabel={t('plan.addGuest')} role="guest" names={draft.guests} people={people} onChange={(v) => set('guests', v)} />
      {errorFor('guests')}
      <label className="wide">
        {t('plan.notes')}
        <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      {fieldError && !PLACED.includes(fieldError.field.split('.')[0] ?? '') && (
        <p className="field-error" role="alert">{fieldError.message}</p>
      )}
      <SaveCancel saving={saving} onCancel={cancel} />
    </form>
  );
}
