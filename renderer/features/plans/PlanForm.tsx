import { useEffect, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Plan } from '../../../shared/schemas';
import type { PlanInput } from '../../../shared/schemas';
import { api } from '../../api/client';
import { usePeople, useVenues } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { PeopleField } from './PeopleField';
import { formatCountdown, parseCountdown } from './countdownInput';

interface Draft {
  artist: string;
  song: string;
  venue: string;
  shootDate: string;
  callTime: string;
  countdown: string;
  warning: string;
  danger: string;
  dancers: string[];
  guests: string[];
  notes: string;
}

const DRAFT_KEY = 'cuelight.planDraft';

function draftFrom(plan: Plan | null): Draft {
  return {
    artist: plan?.artist.name ?? '',
    song: plan?.song ?? '',
    venue: plan?.venue?.name ?? '',
    shootDate: plan?.shootDate ?? '',
    callTime: plan?.callTime ?? '',
    countdown: formatCountdown(plan?.countdownMs ?? 60_000),
    warning: formatCountdown(plan?.warningMs ?? 60_000),
    danger: formatCountdown(plan?.dangerMs ?? 10_000),
    dancers: plan?.dancers.map((d) => d.name) ?? [],
    guests: plan?.guests.map((g) => g.name) ?? [],
    notes: plan?.notes ?? '',
  };
}

/** A new plan's unsaved form survives a reload: it is kept as a draft until saved or cancelled. */
function loadDraft(): Draft | null {
  try {
    const raw = localStorage.getItem(DRAFT_KEY);
    return raw ? ({ ...draftFrom(null), ...(JSON.parse(raw) as Partial<Draft>) } as Draft) : null;
  } catch {
    return null;
  }
}

const byName = (name: string) => ({ name: name.trim() });
const filled = (names: string[]) => names.filter((n) => n.trim() !== '').map(byName);

export function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: (saved: Plan | null) => void }) {
  const t = useT();
  const people = usePeople();
  const venues = useVenues();
  const ids = { artists: useId(), venues: useId() };
  const [draft, setDraft] = useState<Draft>(() => (plan ? draftFrom(plan) : (loadDraft() ?? draftFrom(null))));
  const [saving, setSaving] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);

  useEffect(() => {
    if (!plan) localStorage.setItem(DRAFT_KEY, JSON.stringify(draft));
  }, [draft, plan]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const countdownMs = parseCountdown(draft.countdown);
  const warningMs = parseCountdown(draft.warning);
  const dangerMs = parseCountdown(draft.danger);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const unreadable = [['countdownMs', countdownMs], ['warningMs', warningMs], ['dangerMs', dangerMs]].find(([, v]) => v === null);
    if (unreadable || countdownMs === null || warningMs === null || dangerMs === null) {
      setFieldError({ field: String(unreadable?.[0] ?? 'countdownMs'), message: t('plan.countdownInvalid') });
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
      ...(draft.venue.trim() ? { venue: byName(draft.venue) } : {}),
      ...(draft.shootDate ? { shootDate: draft.shootDate } : {}),
      ...(draft.callTime ? { callTime: draft.callTime } : {}),
    };
    setSaving(true);
    try {
      const saved = plan ? await api.updatePlan({ id: plan.id, plan: input }) : await api.createPlan(input);
      if (!plan) localStorage.removeItem(DRAFT_KEY);
      showToast('info', t('common.saved'));
      onDone(saved);
    } catch (error) {
      const e = error as { error?: { field?: string; message: string }; message: string };
      // An edit's fields arrive as plan.<field>; the form's fields are named without the prefix.
      setFieldError({ field: (e.error?.field ?? '').replace(/^plan\./, ''), message: e.message });
    } finally {
      setSaving(false);
    }
  };

  const errorFor = (field: string) =>
    fieldError && fieldError.field.split('.')[0] === field ? (
      <span className="field-error" role="alert">
        {fieldError.message}
      </span>
    ) : null;

  return (
    <form className="plan-form" onSubmit={submit} aria-label={plan ? t('plan.form.titleEdit') : t('plan.form.titleNew')}>
      <h2>{plan ? t('plan.form.titleEdit') : t('plan.form.titleNew')}</h2>
      <datalist id={ids.artists}>
        {people.filter((p) => p.roles.includes('artist')).map((p) => (
          <option key={p.id} value={p.name}>{p.nameAlt}</option>
        ))}
      </datalist>
      <datalist id={ids.venues}>
        {venues.map((v) => (
          <option key={v.id} value={v.name}>{v.area}</option>
        ))}
      </datalist>
      <div className="form-grid">
        <label>
          {t('plan.artist')}
          <input required list={ids.artists} value={draft.artist} onChange={(e) => set('artist', e.target.value)} />
          {errorFor('artist')}
        </label>
        <label>
          {t('plan.song')}
          <input required value={draft.song} onChange={(e) => set('song', e.target.value)} />
          {errorFor('song')}
        </label>
        <label>
          {t('plan.venue')}
          <input list={ids.venues} value={draft.venue} onChange={(e) => set('venue', e.target.value)} />
          {errorFor('venue')}
        </label>
        <label>
          {t('plan.shootDate')}
          <input type="date" value={draft.shootDate} onChange={(e) => set('shootDate', e.target.value)} />
        </label>
        <label>
          {t('plan.callTime')}
          <input type="time" value={draft.callTime} onChange={(e) => set('callTime', e.target.value)} />
        </label>
        <label>
          {t('plan.countdown')}
          <input inputMode="numeric" value={draft.countdown} aria-invalid={countdownMs === null} onChange={(e) => set('countdown', e.target.value)} />
          {errorFor('countdownMs')}
        </label>
        <label>
          {t('plan.warning')}
          <input inputMode="numeric" value={draft.warning} aria-invalid={warningMs === null} onChange={(e) => set('warning', e.target.value)} />
          {errorFor('warningMs')}
        </label>
        <label>
          {t('plan.danger')}
          <input inputMode="numeric" value={draft.danger} aria-invalid={dangerMs === null} onChange={(e) => set('danger', e.target.value)} />
          {errorFor('dangerMs')}
        </label>
      </div>
      <PeopleField legend={t('plan.dancers')} addLabel={t('plan.addDancer')} names={draft.dancers} people={people} onChange={(v) => set('dancers', v)} />
      {errorFor('dancers')}
      <PeopleField legend={t('plan.guests')} addLabel={t('plan.addGuest')} names={draft.guests} people={people} onChange={(v) => set('guests', v)} />
      {errorFor('guests')}
      <label className="wide">
        {t('plan.notes')}
        <textarea rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
      </label>
      {fieldError && !['artist', 'song', 'venue', 'countdownMs', 'warningMs', 'dangerMs', 'dancers', 'guests'].includes(fieldError.field.split('.')[0] ?? '') && (
        <p className="field-error" role="alert">{fieldError.message}</p>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={saving}>
          {saving ? t('common.saving') : t('common.save')}
        </button>
        <button
          type="button"
          onClick={() => {
            if (!plan) localStorage.removeItem(DRAFT_KEY);
            onDone(null);
          }}
        >
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
