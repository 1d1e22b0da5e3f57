import { useEffect, useState } from 'react';
import type { Backup } from '../../../shared/contract/settings';
import { api, onEvent } from '../../api/client';
import { useLanguage, useT } from '../../stores/ui';
import { formatBackupTime } from './backupTime';
import { RestoreDialog } from './RestoreDialog';
import './backups.css';

interface ReadOnly {
  finding: string;
  dataDir: string;
  good: Backup | null;
  canControl: boolean;
}

/** Asks the host itself: a damaged store may fail the reads the rest of the app needs to load. */
async function readOnlyState(): Promise<ReadOnly | null> {
  const boot = await api.getBootstrap(undefined);
  if (!boot.readOnly) return null;
  const good = boot.goodBackup ? ((await api.listBackups(undefined)).find((b) => b.name === boot.goodBackup) ?? null) : null;
  return { finding: boot.readOnlyFinding, dataDir: boot.dataDir, good, canControl: boot.canControl };
}

/** Shown while the store is read-only: says why, and offers the newest good backup. */
export function ReadOnlyBanner() {
  const t = useT();
  const language = useLanguage();
  const [state, setState] = useState<ReadOnly | null>(null);
  const [confirming, setConfirming] = useState(false);

  useEffect(() => {
    let live = true;
    let shown = false;
    const load = () =>
      void readOnlyState().then((s) => {
        shown = s !== null;
        if (live) setState(s);
      }, () => undefined);
    load();
    // A running host never turns read-only; only a shown banner needs to hear about the restore.
    const off = onEvent('dataChanged', () => shown && load());
    return () => {
      live = false;
      off();
    };
  }, []);

  if (!state) return null;
  return (
    <>
      <div className="banner banner--read-only" role="alert">
        <div className="read-only-text">
          <strong>{t('readOnly.title')}</strong>{' '}
          {state.good ? t('readOnly.offer', { time: formatBackupTime(state.good.createdAt, language) }) : t('readOnly.noBackup')}
          <details>
            <summary>{t('readOnly.details')}</summary>
            <p className="hint">{t('readOnly.finding', { finding: state.finding })}</p>
            <p className="hint">{t('readOnly.folder', { dir: state.dataDir })}</p>
          </details>
        </div>
        {state.good && state.canControl && (
          <button type="button" className="primary" onClick={() => setConfirming(true)}>
            {t('readOnly.restore')}
          </button>
        )}
      </div>
      {confirming && state.good && <RestoreDialog backup={state.good} onClose={() => setConfirming(false)} />}
    </>
  );
}
