import type { oscControlMethods } from '../../../shared/contract/osc-control';
import { readOscControlSettings, writeOscControlSettings } from '../control-in';
import { announce, type ApiDeps, type AreaApi } from './deps';

export function oscControlApi(deps: ApiDeps): AreaApi<keyof typeof oscControlMethods> {
  const { db, oscControl } = deps;
  return {
    getOscControl: () => ({ settings: readOscControlSettings(db), status: oscControl.status }),
    saveOscControl: async (settings) => {
      writeOscControlSettings(db, settings);
      announce(deps, 'settings');
      // Applied at once: the answer says whether it now listens, or why not.
      const status = await oscControl.apply(settings);
      return { settings, status };
    },
  };
}
