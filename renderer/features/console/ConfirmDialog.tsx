import { useEffect, useRef } from 'react';
import { useT } from '../../stores/ui';
import { closeConfirm, useConsole } from './consoleStore';

/** The deliberate second step for commands that cannot be undone during a take. */
export function ConfirmDialog() {
  const t = useT();
  const confirming = useConsole((s) => s.confirming);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), [confirming]);
  if (!confirming) return null;
  return (
    <div className="overlay">
      <div role="alertdialog" aria-modal="true" aria-labelledby="confirm-text" className="dialog" onKeyDown={(e) => e.key === 'Escape' && closeConfirm()}>
        <p id="confirm-text">{t(confirming.messageKey)}</p>
        <div className="form-actions">
          <button
            type="button"
            className="danger"
            onClick={() => {
              closeConfirm();
              void confirming.perform();
            }}
          >
            {t('common.confirm')}
          </button>
          <button type="button" ref={cancel} onClick={closeConfirm}>
            {t('common.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
