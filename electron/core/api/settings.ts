import type { settingsMethods } from '../../../shared/contract/settings';
import { countPlans } from '../repos/plans';
import { getSetting, setSetting } from '../repos/settings';
import { loadDemo } from '../demo';
import { refusal } from '../errors';
import { announce, type ApiDeps, type AreaApi } from './deps';

export function settingsApi(deps: ApiDeps): AreaApi<keyof typeof settingsMethods> {
  const { db, clock } = deps;
  const readOnly = deps.readOnlyReason !== '';
  return {
    getBootstrap: (_input, context) => ({
      version: deps.version,
      // A damaged store may fail even these reads: the banner must still come up.
      empty: readOnly ? false : countPlans(db) === 0,
      crewName: readOnly ? '' : (getSetting(db, 'crewName') ?? ''),
      readOnly,
      // The data folder's absolute path is for the operator: a view-only display has no use for it.
      readOnlyReason: context.canControl ? deps.readOnlyReason : deps.readOnlyReason.replaceAll(deps.dataDir, 'on the host'),
      readOnlyFinding: deps.readOnlyFinding,
      dataDir: context.canControl ? deps.dataDir : '',
      goodBackup: readOnly ? deps.backups.goodBackup : null,
      canControl: context.canControl,
    }),
    loadDemo: () => {
      if (countPlans(db) > 0) throw refusal('conflict', 'err.demoNotEmpty');
      loadDemo(db, clock.now());
      announce(deps, 'plans', 'people', 'venues');
      return { ok: true };
    },
    updateSettings: (input) => {
      setSetting(db, 'crewName', input.crewName);
      announce(deps, 'settings');
      return { ok: true };
    },
    listBackups: () => deps.backups.list(),
    backupNow: () => deps.backups.create(),
    restoreBackup: async (input) => {
      await deps.backups.restore(input.name);
      return { ok: true };
    },
  };
}
