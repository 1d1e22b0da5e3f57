import { Dialog } from '../../components/Dialog';
import { useT } from '../../stores/ui';
import { closeConfirm, useConsole } from './consoleStore';

/** The deliberate second step for commands that cannot be undone during a take. */
export function ConfirmDialog() {
  const t = useT();
  const confirming = useConsole((s) => s.confirming);
  if (!confirming) return null;
  return (
    <Dialog role="alertdialog" labelledBy="confirm-text" onClose={closeConfirm}>
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
        <button type="button" data-autofocus onClick={closeConfirm}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
