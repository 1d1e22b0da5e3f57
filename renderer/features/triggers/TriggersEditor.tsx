import { useCallback, useEffect, useState } from 'react';
import type { TriggerList } from '../../../shared/contract/triggers';
import { api } from '../../api/client';
import { attempt, useCanControl, usePlans } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { SaveCancel } from '../../components/SaveCancel';
import { TriggerRow } from './TriggerRow';
import { fromDraft, newDraft, toDraft, type TriggerDraft } from './triggerDraft';

/** Settings → Show control: the shoot's triggers, or one performance's own list. */
export function TriggersEditor() {
  const t = useT();
  const canControl = useCanControl();
  const plans = usePlans();
  const [planId, setPlanId] = useState<number | null>(null);
  const [override, setOverride] = useState(false);
  const [drafts, setDrafts] = useState<TriggerDraft[]>([]);
  const [saving, setSaving] = useState(false);
  // Whose list the drafts hold: nothing is editable until it is this scope's, so a row added
  // before the list arrives cannot be wiped by its arrival.
  const [loadedFor, setLoadedFor] = useState<number | null | 'nothing'>('nothing');

  const show = useCallback((list: TriggerList, scope: number | null) => {
    setOverride(list.override);
    setDrafts(list.triggers.map(toDraft));
    setLoadedFor(scope);
  }, []);
  const load = useCallback(() => void attempt(() => api.getTriggers({ planId })).then((list) => list && show(list, planId)), [planId, show]);
  useEffect(load, [load]);

  // A performance that follows the shoot shows the shoot's list, read-only, until it takes its own.
  const editable = canControl && loadedFor === planId && (planId === null || override);
  const save = async () => {
    setSaving(true);
    const list = await attempt(() => api.saveTriggers({ planId, override: planId === null ? true : override, triggers: drafts.map(fromDraft) }));
    setSaving(false);
    if (list) {
      show(list, planId);
      showToast('info', { key: 'common.saved' });
    }
  };
  const test = async (draft: TriggerDraft) => {
    const result = await attempt(() => api.testTrigger({ trigger: fromDraft(draft), ...(planId !== null ? { planId } : {}) }));
    if (result) showToast(result.status === 'failed' ? 'error' : 'info', { key: 'triggers.testResult', params: { name: result.name, status: { key: `triggers.status.${result.status}` }, detail: result.detail } });
  };
  const change = (i: number, next: TriggerDraft) => setDrafts((list) => list.map((d, j) => (j === i ? next : d)));

  return (
    <section className="panel triggers-editor" aria-label={t('triggers.title')}>
      <h2>{t('triggers.title')}</h2>
      <p>{t('triggers.intro')}</p>
      <p className="mono">{t('triggers.fields')}</p>
      <label>
        {t('triggers.scope')}
        <select value={planId ?? ''} onChange={(e) => setPlanId(e.target.value ? Number(e.target.value) : null)}>
          <option value="">{t('triggers.shoot')}</option>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.artist.name} — {p.song}</option>)}
        </select>
      </label>
      {planId !== null && (
        <label className="checkbox">
          <input type="checkbox" checked={override} disabled={!canControl} onChange={(e) => setOverride(e.target.checked)} />
          {t('triggers.override')}
        </label>
      )}
      {planId !== null && !override && <p className="empty">{t('triggers.follows')}</p>}
      {drafts.length === 0 && <p className="empty">{t('triggers.none')}</p>}
      {drafts.map((d, i) => (
        <TriggerRow
          key={d.key}
          draft={d}
          disabled={!editable}
          onChange={(next) => change(i, next)}
          onRemove={() => setDrafts((list) => list.filter((_, j) => j !== i))}
          onTest={() => void test(d)}
        />
      ))}
      <button type="button" disabled={!editable} onClick={() => setDrafts((list) => [...list, { ...newDraft(), name: `${t('triggers.kind.osc')} ${list.length + 1}` }])}>
        {t('triggers.add')}
      </button>
      <SaveCancel saving={saving} onSave={() => void save()} onCancel={load} />
    </section>
  );
}
