import { useT } from '../../stores/ui';
import { JoinCode } from './JoinCode';
import { useJoinBase } from './useJoinBase';

/** The stage link as a QR code: a tablet in the wing joins in one scan. */
export function JoinPanel() {
  const t = useT();
  const { base, info } = useJoinBase();
  if (!base) return null;
  return (
    <section className="panel panel--wide" aria-labelledby="join-title">
      <h2 id="join-title">{t('network.joinTitle')}</h2>
      {info && info.addresses.length === 0 && <p className="hint">{t('network.noLanAddress')}</p>}
      {info?.advertisedAs && <p>{info.advertisedAs}</p>}
      <div className="join-codes">
        <JoinCode url={`${base}/stage`} label={t('network.stageLink')} />
        <JoinCode url={`${base}/stage?role=wing`} label={t('network.role.wing')} />
      </div>
    </section>
  );
}
