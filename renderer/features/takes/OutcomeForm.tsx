import { useState } from 'react';
import { FAILURE_REASONS, OUTCOMES } from '../../../shared/schemas';
import type { FailureReason, Outcome, Take } from '../../../shared/schemas';
import type { OutcomeSaved } from '../../../shared/contract/takes';
import { api } from '../../api/client';
import { attempt } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';

/** Changes a take's outcome after the fact; the host keeps each change in the take's history. */
export function OutcomeForm({ take, canControl, onSaved }: { take: Take; canControl: boolean; onSaved: (saved: OutcomeSaved) => void }) {
  const t = useT();
  const [outcome, setOutcome] = useState<Outcome>(take.outcome);
  const [reason, setReason] = useState<FailureReason>(take.failureReason ?? 'other');
  const [note, setNote] = useState(take.note);
  const [saving, setSaving] = useState(false);
  const changed = outcome !== take.outcome || note !== take.note || (outcome === 'failed' && reason !== take.failureReason);

  const save = async () => {
    setSaving(true);
    const saved = await attempt(() => api.setTakeOutcome({ id: take.id, outcome, note, ...(outcome === 'failed' ? { failureReason: reason } : {}) }));
    setSaving(false);
    if (saved) {
      showToast('info', { key: 'detail.saved' });
      onSaved(saved);
    }
  };
  return (
    <form className="outcome-form" onSubmit={(e) => {
      e.preventDefault();
      void save();
    }}>
      <label>
        {t('detail.outcome')}
        <select value={outcome} disabled={!canControl} onChange={(e) => setOutcome(e.target.value as Outcome)}>
          {OUTCOMES.map((o) => (
            <option key={o} value={o}>{t(`outcome.${o}`)}</option>
          ))}
        </select>
      </label>
      <label>
        {t('detail.reason')}
        <select value={reason} disabled={!canControl || outcome !== 'failed'} onChange={(e) => setReason(e.target.value as FailureReason)}>
          {FAILURE_REASONS.map((r) => (
            <option key={r} value={r}>{t(`reason.${r}`)}</option>
          ))}
        </select>
      </label>
      <label className="outcome-note">
        {t('detail.note')}
        <textarea rows={2} value={note} disabled={!canControl} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!canControl || !changed || saving}>
        {saving ? t('common.saving') : t('detail.saveOutcome')}
      </button>
    </form>
  );
}
