import { useEffect, useState } from 'react';
import type { Device } from '../../../shared/contract/network';
import { api, hostNow } from '../../api/client';
import { attempt } from '../../stores/data';
import { showToast, useT } from '../../stores/ui';
import { SyncBadge } from '../stage/StageLink';

/** The list refreshes this often while shown: "last heard" and each display's sync stay current. */
const REFRESH_MS = 1_000;

/** The displays and devices on the set network, refreshed while this panel is shown. */
export function useDevices(): [Device[], () => void] {
  const [devices, setDevices] = useState<Device[]>([]);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = () => void api.listDevices({}).then((list) => alive && setDevices(list), () => undefined);
    load();
    const timer = setInterval(load, REFRESH_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [tick]);
  return [devices, () => setTick((n) => n + 1)];
}

function formatMs(value: number | null): string {
  if (value === null) return '—';
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(1)} ms`;
}

function Offset({ device }: { device: Device }) {
  if (device.offsetMs === null) return <>—</>;
  const sign = device.offsetMs > 0 ? '+' : '';
  return <>{`${sign}${formatMs(device.offsetMs)} ± ${formatMs(device.uncertaintyMs)}`}</>;
}

function DeviceRow({ device, refresh }: { device: Device; refresh: () => void }) {
  const t = useT();
  const [draft, setDraft] = useState<string | null>(null);
  const label = device.name || t('network.unnamed', { id: device.deviceId.slice(0, 6) });
  const ago = Math.max(0, Math.round((hostNow() - device.lastHeardAt) / 1000));
  const save = async () => {
    const ok = await attempt(() => api.renameDevice({ deviceId: device.deviceId, name: draft ?? '' }));
    if (ok !== undefined) {
      setDraft(null);
      refresh();
    }
  };
  const identify = async () => {
    const result = await attempt(() => api.identifyDevice({ deviceId: device.deviceId }));
    if (result) showToast(result.shown ? 'info' : 'error', t(result.shown ? 'network.identifySent' : 'network.identifyGone', { name: label }));
  };
  return (
    <tr data-connected={device.connected}>
      <td>
        {draft === null ? (
          label
        ) : (
          <form className="device-rename" onSubmit={(e) => (e.preventDefault(), void save())}>
            <input aria-label={t('network.renameLabel', { name: label })} value={draft} maxLength={60} autoFocus onChange={(e) => setDraft(e.target.value)} />
            <button type="submit" className="primary">{t('network.save')}</button>
            <button type="button" onClick={() => setDraft(null)}>{t('network.cancel')}</button>
          </form>
        )}
      </td>
      <td>{t(`network.role.${device.role}`)}</td>
      <td>{device.address}</td>
      <td><SyncBadge status={device.status} inline /></td>
      <td><Offset device={device} /></td>
      <td>{formatMs(device.roundTripMs)}</td>
      <td>{device.connected ? (ago < 1 ? t('network.now') : t('network.secondsAgo', { seconds: ago })) : t('network.disconnected')}</td>
      <td>
        <div className="device-actions">
          <button type="button" onClick={() => setDraft(device.operatorName || device.name)} aria-label={`${t('network.rename')}: ${label}`}>
            {t('network.rename')}
          </button>
          <button type="button" disabled={!device.connected} onClick={() => void identify()} aria-label={`${t('network.identify')}: ${label}`}>
            {t('network.identify')}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function DevicesPanel() {
  const t = useT();
  const [devices, refresh] = useDevices();
  return (
    <section className="panel" aria-labelledby="devices-title">
      <h2 id="devices-title">{t('network.displays')}</h2>
      {devices.length === 0 ? (
        <p>{t('network.noDisplays')}</p>
      ) : (
        <table className="device-table">
          <thead>
            <tr>
              <th>{t('network.name')}</th>
              <th>{t('network.role')}</th>
              <th>{t('network.address')}</th>
              <th>{t('network.sync')}</th>
              <th>{t('network.offset')}</th>
              <th>{t('network.roundTrip')}</th>
              <th>{t('network.lastHeard')}</th>
              <th><span className="visually-hidden">{t('network.rename')}</span></th>
            </tr>
          </thead>
          <tbody>
            {devices.map((d) => <DeviceRow key={d.deviceId} device={d} refresh={refresh} />)}
          </tbody>
        </table>
      )}
    </section>
  );
}
