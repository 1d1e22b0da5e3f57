import type { settingsMethods } from '../../../shared/contract/settings';
import { NAME_MAX, NOTE_MAX } from '../../../shared/text';
import { bad, long, planOf, TEN_HOURS, type AreaCases } from './cases';

/** Refusals and one accepted input for every settings method; missing: listBackups, backupNow, restoreBackup. */
export const settingsCases: AreaCases<keyof typeof settingsMethods> = {
  bad: {
    getBootstrap: [bad('unknown field', () => ({ verbose: true }), 'verbose'), bad('wrong type', () => 'all', undefined)],
    loadDemo: [
      bad('unknown field', () => ({ force: true }), 'force'),
      bad('wrong type', () => [], undefined),
      bad('a shoot is already planned', () => undefined, undefined, 'conflict'),
    ],
    updateSettings: [
      bad('missing crewName', () => ({}), 'crewName'),
      bad('crewName not text', () => ({ crewName: 42 }), 'crewName'),
      bad('crewName too long', () => ({ crewName: long(NAME_MAX) }), 'crewName'),
    ],
  },
  valid: {
    getBootstrap: () => undefined,
    loadDemo: () => undefined,
    updateSettings: () => ({ crewName: 'Crew B' }),
  },
};
