import { useSyncExternalStore } from 'react';
import { clockStatus, onClockStatus, type ClockStatus } from '../../api/client';
import { useT } from '../../stores/ui';
import type { MessageKey } from '../../../shared/i18n/index';

/** How sure this display is of the host's time: in sync (within a frame), unsure, or lost. */
export function useClockStatus(): ClockStatus {
  return useSyncExternalStore(onClockStatus, clockStatus);
}

const BADGE: Record<ClockStatus, MessageKey> = { 'in-sync': 'stage.syncInSync', unsure: 'stage.syncUnsure', lost: 'stage.syncLost' };

/** A small corner badge, always there: the crew can tell at a glance whether this screen is trustworthy. */
export function SyncBadge({ status, inline = false }: { status: ClockStatus; inline?: boolean }) {
  const t = useT();
  return (
    <div className={inline ? 'stage-sync stage-sync--inline' : 'stage-sync'} data-status={status}>
      <span className="stage-sync-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('stage.syncLabel')}: </span>
      {t(BADGE[status])}
    </div>
  );
}

/** A display that lost its host keeps counting from the last deadline it knew, and says so loudly. */
export function LostBanner() {
  const t = useT();
  return (
    <div className="stage-lost" role="alert">
      {t('stage.lost')}
    </div>
  );
}
