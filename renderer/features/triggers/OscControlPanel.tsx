import { useCallback, useEffect, useState } from 'react';
import type { OscControl, OscControlStatus } from '../../../shared/contract/osc-control';
import { api, onEvent } from '../../api/client';
import { attempt } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { SaveCancel } from '../../components/SaveCancel';

interface Draft {
  enabled: boolean;
  port: string;
  bindAddress: string;
  allow: string;
}

const toDraft = ({ settings }: OscControl): Draft => ({ ...settings, port: String(settings.port), allow: settings.allow.join(', ') });

/** Whether it listens, or why not and what to do: said in the screen's language. */
function StatusLine({ status }: { status: OscControlStatus }) {
  const t = useT();
  const params = { port: status.port ?? '', address: status.bindAddress ?? '', detail: status.detail };
  const text = status.state === 'off' ? t('osc.off') : status.state === 'listening' ? t('osc.listening', params) : t(`osc.${status.problem ?? 'other'}`, params);
  return (
    <p role="status" className={`osc-status osc-${status.state}`}>
      {text}
    </p>
  );
}

/** Settings → Show control: OSC control in, stored and applied by the host the moment it is saved. */
export function OscControlPanel() {
  const t = useT();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [status, setStatus] = useState<OscControlStatus | null>(null);
  const [saving, setSaving] = useState(false);

  const show = useCallback((control: OscControl) => {
    setDraft(toDraft(control));
    setStatus(control.status);
  }, []);
  const load = useCallback(() => void attempt(() => api.getOscControl(undefined)).then((control) => control && show(control)), [show]);
  useEffect(load, [load]);
  // Another operator window saved it: show what now holds.
  useEffect(() => onEvent('dataChanged', (change) => change.tables.includes('settings') && !saving && load()), [load, saving]);

  const save = async () => {
    if (!draft) return;
    setSaving(true);
    const allow = draft.allow.split(/[\s,]+/).filter(Boolean);
    const saved = await attempt(() => api.saveOscControl({ enabled: draft.enabled, port: Number(draft.port), bindAddress: draft.bindAddress.trim(), allow }));
    setSaving(false);
    if (saved) {
      show(saved);
      showToast('info', { key: 'common.saved' }); // stored either way; the status line says if it listens
    }
  };
  const change = (next: Partial<Draft>) => setDraft((d) => d && { ...d, ...next });
  const disabled = draft === null;

  return (
    <section className="panel osc-control" aria-label={t('osc.title')}>
      <h2>{t('osc.title')}</h2>
      <p className="hint">{t('osc.intro')}</p>
      {status && <StatusLine status={status} />}
      <label className="checkbox">
        <input type="checkbox" checked={draft?.enabled ?? false} disabled={disabled} onChange={(e) => change({ enabled: e.target.checked })} />
        {t('osc.enabled')}
      </label>
      <label>
        {t('osc.port')}
        <input type="number" min={1} max={65535} value={draft?.port ?? ''} disabled={disabled} onChange={(e) => change({ port: e.target.value })} />
      </label>
      <label>
        {t('osc.bind')}
        <input value={draft?.bindAddress ?? ''} disabled={disabled} spellCheck={false} onChange={(e) => change({ bindAddress: e.target.value })} />
      </label>
      <p className="hint">{t('osc.bindHint')}</p>
      <label>
        {t('osc.allow')}
        <input value={draft?.allow ?? ''} disabled={disabled} spellCheck={false} onChange={(e) => change({ allow: e.target.value })} />
      </label>
      <p className="hint">{t('osc.allowHint')}</p>
      <SaveCancel saving={saving} onSave={() => void save()} onCancel={load} />
    </section>
  );
}
