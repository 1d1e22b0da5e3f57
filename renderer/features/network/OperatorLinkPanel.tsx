import { useState } from 'react';
import { Dialog } from '../../components/Dialog';
import { rotateOperatorToken, transport } from '../../api/client';
import { attempt, useCanControl } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { JoinCode } from './JoinCode';
import { useJoinBase } from './useJoinBase';

/**
 * Replaces the operator's token after a confirm step: other consoles with the old link stop at
 * once, this one goes on with the new token and shows the new link once, to hand out.
 */
export function OperatorLinkPanel() {
  const t = useT();
  const canControl = useCanControl();
  const { base } = useJoinBase();
  const [confirming, setConfirming] = useState(false);
  const [fresh, setFresh] = useState<string | null>(null);
  // Over IPC the desktop window is trusted as the operator: there is no link of its own to replace.
  if (transport !== 'http' || !canControl) return null;

  const rotate = async () => {
    setConfirming(false);
    const token = await attempt(() => rotateOperatorToken());
    if (!token) return;
    setFresh(token);
    showToast('info', { key: 'operator.rotated' });
  };

  return (
    <section className="panel panel--wide" aria-labelledby="operator-title">
      <h2 id="operator-title">{t('operator.title')}</h2>
      <p className="hint">{t('operator.explain')}</p>
      <div>
        <button type="button" className="danger" onClick={() => setConfirming(true)}>{t('operator.rotate')}</button>
      </div>
      {fresh && base && (
        <div className="operator-link">
          <p className="hint">{t('operator.newLinkHint')}</p>
          <JoinCode url={`${base}/?token=${fresh}`} label={t('operator.newLink')} />
        </div>
      )}
      {confirming && (
        <Dialog role="alertdialog" labelledBy="operator-confirm" onClose={() => setConfirming(false)}>
          <p id="operator-confirm">{t('operator.confirm')}</p>
          <div className="form-actions">
            <button type="button" className="danger" onClick={() => void rotate()}>{t('operator.confirmButton')}</button>
            <button type="button" data-autofocus onClick={() => setConfirming(false)}>{t('common.cancel')}</button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
