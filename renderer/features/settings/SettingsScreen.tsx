import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { attempt, useCanControl } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { BackupsPanel } from './BackupsPanel';
import { TriggersEditor } from '../triggers/TriggersEditor';
import { OscControlPanel } from '../triggers/OscControlPanel';

/** Who is logging (stored with every take and outcome change). */
function CrewName() {
  const t = useT();
  const canControl = useCanControl();
  const [name, setName] = useState('');
  useEffect(() => {
    void api.getBootstrap(undefined).then((b) => setName(b.crewName), (error: unknown) => showToast('error', (error as Error).message));
  }, []);
  return (
    <form
      className="panel"
      aria-label={t('settings.crewName')}
      onSubmit={(e) => {
        e.preventDefault();
        void attempt(() => api.updateSettings({ crewName: name })).then((done) => done && showToast('info', { key: 'common.saved' }));
      }}
    >
      <label>
        {t('settings.crewName')}
        <input value={name} disabled={!canControl} onChange={(e) => setName(e.target.value)} />
      </label>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={!canControl}>
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}

export function SettingsScreen() {
  const t = useT();
  const canControl = useCanControl();
  return (
    <main className="screen settings-screen">
      <header className="screen-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <div className="settings-grid">
        <CrewName />
        <BackupsPanel />
      </div>
      <TriggersEditor />
      {/* Its addresses and senders are the operator's to see: a view-only display gets no panel. */}
      {canControl && <OscControlPanel />}
    </main>
  );
}
