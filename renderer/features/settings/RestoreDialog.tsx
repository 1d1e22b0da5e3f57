import { useState } from 'react';
import type { Backup } from '../../../shared/contract/settings';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { attempt } from '../../stores/data';
import { showToast, useLanguage, useT } from '../../stores/ui';
import { formatBackupTime } from './backupTime';

/** Restoring replaces everything, so it always asks first; it says done only once the host has. */
export function RestoreDialog({ backup, onClose }: { backup: Backup; onClose: () => void }) {
  const t = useT();
  const language = useLanguage();
  const [busy, setBusy] = useState(false);
  const time = formatBackupTime(backup.createdAt, language);

  const restore = async () => {
    setBusy(true);
    const done = await attempt(() => api.restoreBackup({ name: backup.name }));
    setBusy(false);
    if (done) showToast('info', { key: 'backups.restored', params: { time } });
    onClose();
  };

  return (
    <Dialog role="alertdialog" labelledBy="restore-title" describedBy="restore-body" onClose={() => !busy && onClose()}>
      <p id="restore-title">
        <strong>{t('backups.confirmTitle', { time })}</strong>
      </p>
      <p id="restore-body" className="hint">
        {t('backups.confirmBody')}
      </p>
      <div className="form-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void restore()}>
          {busy ? t('backups.restoring') : t('backups.confirm')}
        </button>
        <button type="button" data-autofocus disabled={busy} onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
