import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n/index';
import { api } from '../../api/client';
import { attempt } from '../../stores/data';
import { useT } from '../../stores/ui';

const PRESETS: MessageKey[] = ['console.preset.standby', 'console.preset.30s', 'console.preset.hold'];

/** Messages to every stage display: presets in the current language, or free text. */
export function MessagePanel({ current }: { current: string }) {
  const t = useT();
  const [text, setText] = useState('');
  const send = (message: string) => attempt(() => api.setStageMessage({ text: message }));
  return (
    <section className="panel" aria-label={t('console.message')}>
      <h2>{t('console.message')}</h2>
      <div className="preset-row">
        {PRESETS.map((key) => (
          <button key={key} type="button" onClick={() => void send(t(key))}>
            {t(key)}
          </button>
        ))}
      </div>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void send(text).then((ok) => ok && setText(''));
        }}
      >
        <input aria-label={t('console.message')} value={text} maxLength={200} onChange={(e) => setText(e.target.value)} />
        <button type="submit">{t('console.messageSend')}</button>
      </form>
      {current && (
        <button type="button" className="ghost" onClick={() => void send('')}>
          {t('console.messageClear')}: “{current}”
        </button>
      )}
    </section>
  );
}
