import type { networkMethods } from '../../../shared/contract/network';
import { deviceNames, setDeviceName } from '../repos/device-names';
import type { ApiDeps, AreaApi } from './deps';

export function networkApi(deps: ApiDeps): AreaApi<keyof typeof networkMethods> {
  const { db, devices, operatorLink } = deps;
  return {
    getJoinInfo: () => devices.joinInfo,
    listDevices: () => devices.list(deviceNames(db)),
    renameDevice: (input) => {
      db.transaction(() => setDeviceName(db, input.deviceId, input.name, deps.clock.now())).immediate();
      return { ok: true };
    },
    rotateOperatorToken: () => ({ token: operatorLink.rotate() }),
    identifyDevice: (input) => {
      if (!devices.has(input.deviceId)) return { shown: false };
      const shown = devices.list(deviceNames(db)).find((d) => d.deviceId === input.deviceId);
      deps.events.emit('identify', { deviceId: input.deviceId, name: shown?.name ?? '' });
      return { shown: true };
    },
  };
}
