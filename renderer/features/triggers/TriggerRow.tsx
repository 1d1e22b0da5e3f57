import { TRIGGER_EVENTS, HTTP_METHODS } from '../../../shared/contract/triggers';
import { useT } from '../../stores/ui';
import type { TriggerDraft } from './triggerDraft';

interface Props {
  draft: TriggerDraft;
  disabled: boolean;
  onChange(draft: TriggerDraft): void;
  onRemove(): void;
  onTest(): void;
}

/** One trigger's fields; those of its kind only. */
export function TriggerRow({ draft: d, disabled, onChange, onRemove, onTest }: Props) {
  const t = useT();
  const set = <K extends keyof TriggerDraft>(key: K, value: TriggerDraft[K]) => onChange({ ...d, [key]: value });
  const text = (key: 'name' | 'host' | 'address' | 'url' | 'clipName', label: string) => (
    <label>
      {label}
      <input value={d[key]} disabled={disabled} onChange={(e) => set(key, e.target.value)} />
    </label>
  );
  const area = (key: 'args' | 'headers' | 'body', label: string) => (
    <label>
      {label}
      <textarea rows={3} value={d[key]} disabled={disabled} onChange={(e) => set(key, e.target.value)} />
    </label>
  );
  const number = (key: 'port' | 'timeoutMs' | 'secondsBefore', label: string) => (
    <label>
      {label}
      <input type="number" value={d[key]} disabled={disabled} onChange={(e) => set(key, Number(e.target.value))} />
    </label>
  );
  return (
    <fieldset className="trigger-row" aria-label={d.name || t('triggers.add')}>
      <div className="trigger-row-head">
        {text('name', t('triggers.name'))}
        <label className="checkbox">
          <input type="checkbox" checked={d.enabled} disabled={disabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('triggers.enabled')}
        </label>
      </div>
      <div className="trigger-row-fields">
        <label>
          {t('triggers.event')}
          <select value={d.event} disabled={disabled} onChange={(e) => set('event', e.target.value as TriggerDraft['event'])}>
            {TRIGGER_EVENTS.map((ev) => <option key={ev} value={ev}>{t(`triggers.event.${ev}`)}</option>)}
          </select>
        </label>
        {d.event === 'before' && number('secondsBefore', t('triggers.secondsBefore'))}
        <label>
          {t('triggers.kind')}
          <select value={d.kind} disabled={disabled} onChange={(e) => onChange({ ...d, kind: e.target.value as TriggerDraft['kind'], port: e.target.value === 'hyperdeck' ? 9993 : d.port })}>
            {(['osc', 'http', 'hyperdeck'] as const).map((k) => <option key={k} value={k}>{t(`triggers.kind.${k}`)}</option>)}
          </select>
        </label>
      </div>
      {d.kind === 'osc' && (
        <div className="trigger-row-fields">
          {text('host', t('triggers.host'))}
          {number('port', t('triggers.port'))}
          {text('address', t('triggers.address'))}
          {area('args', t('triggers.args'))}
        </div>
      )}
      {d.kind === 'http' && (
        <div className="trigger-row-fields">
          <label>
            {t('triggers.method')}
            <select value={d.method} disabled={disabled} onChange={(e) => set('method', e.target.value as TriggerDraft['method'])}>
              {HTTP_METHODS.map((m) => <option key={m}>{m}</option>)}
            </select>
          </label>
          {text('url', t('triggers.url'))}
          {area('headers', t('triggers.headers'))}
          {area('body', t('triggers.body'))}
          {number('timeoutMs', t('triggers.timeout'))}
        </div>
      )}
      {d.kind === 'hyperdeck' && (
        <div className="trigger-row-fields">
          {text('host', t('triggers.host'))}
          {number('port', t('triggers.port'))}
          <label>
            {t('triggers.command')}
            <select value={d.command} disabled={disabled} onChange={(e) => set('command', e.target.value as TriggerDraft['command'])}>
              <option value="record">{t('triggers.command.record')}</option>
              <option value="stop">{t('triggers.command.stop')}</option>
            </select>
          </label>
          {d.command === 'record' && text('clipName', t('triggers.clipName'))}
          {number('timeoutMs', t('triggers.timeout'))}
          <p className="label">{t('triggers.testHyperdeck')}</p>
        </div>
      )}
      <div className="form-actions">
        <button type="button" disabled={disabled} onClick={onTest}>{t('triggers.test')}</button>
        <button type="button" className="ghost" disabled={disabled} onClick={onRemove}>{t('triggers.remove')}</button>
      </div>
    </fieldset>
  );
}
