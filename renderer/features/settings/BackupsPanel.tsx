import { useEffect, useState } from 'react';
import type { Backup } from '../../../shared/contract/settings';
import { api, onEvent } from '../../api/client';
import { attempt } from '../../stores/data';
import { showToast, useLanguage, useT } from '../../stores/ui';
import { formatBackupTime, formatBytes } from './backupTime';
import { RestoreDialog } from './RestoreDialog';
import './backups.css';

const KEPT = 20;

/** The store's backups, newest first: make one now, or restore one (after a confirmation). */
export function BackupsPanel() {
  const t = useT();
  const language = useLanguage();
  // From the host itself, not the data store: with a damaged store the app's other first reads fail.
  const [canControl, setCanControl] = useState(false);
  const [backups, setBackups] = useState<Backup[] | null>(null);
  const [version, setVersion] = useState(0);
  const [busy, setBusy] = useState(false);
  const [restoring, setRestoring] = useState<Backup | null>(null);

  // A backup after a take, or a restore elsewhere, arrives as a dataChanged event.
  useEffect(() => onEvent('dataChanged', () => setVersion((v) => v + 1)), []);
  useEffect(() => {
    let live = true;
    void attempt(() => api.listBackups(undefined)).then((list) => live && list && setBackups(list));
    void api.getBootstrap(undefined).then((boot) => live && setCanControl(boot.canControl), () => undefined);
    return () => {
      live = false;
    };
  }, [version]);

  const backUpNow = async () => {
    setBusy(true);
    const made = await attempt(() => api.backupNow(undefined));
    setBusy(false);
    if (!made) return;
    showToast('info', { key: 'backups.made', params: { time: formatBackupTime(made.createdAt, language) } });
    setVersion((v) => v + 1);
  };

  return (
    <section className="panel backups-panel" aria-labelledby="backups-title">
      <h2 id="backups-title">{t('backups.title')}</h2>
      <p className="hint">{t('backups.intro', { count: KEPT })}</p>
      <div className="form-actions">
        <button type="button" disabled={!canControl || busy} onClick={() => void backUpNow()}>
          {busy ? t('backups.working') : t('backups.now')}
        </button>
      </div>
      {backups !== null && backups.length === 0 && <p className="empty">{t('backups.empty')}</p>}
      {backups !== null && backups.length > 0 && (
        <table className="backup-table" aria-label={t('backups.list')}>
          <thead>
            <tr>
              <th scope="col">{t('backups.col.time')}</th>
              <th scope="col">{t('backups.col.size')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('backups.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {backups.map((b) => {
              const time = formatBackupTime(b.createdAt, language);
              return (
                <tr key={b.name}>
                  <td title={b.name}>{time}</td>
                  <td className="mono">{formatBytes(b.bytes)}</td>
                  <td>
                    <button type="button" aria-label={t('backups.restoreLabel', { time })} disabled={!canControl} onClick={() => setRestoring(b)}>
                      {t('backups.restore')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {restoring && <RestoreDialog backup={restoring} onClose={() => setRestoring(null)} />}
    </section>
  );
}
