import type { settingsMethods } from '../../../shared/contract/settings';
import { NAME_MAX } from '../../../shared/text';
import { backupName } from '../backup';
import { T0 } from '../test-harness';
import { bad, long, type AreaCases } from './cases';

/** The backup made when the fixture's take ended (its clock stood at GO + 250 ms; see runToGo). */
const fixtureBackup = () => backupName(T0 + 90_250);

/** Refusals and one accepted input for every settings method. */
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
      bad('crewName only a zero-width space', () => ({ crewName: '\u200b' }), 'crewName'),
    ],
    listBackups: [bad('unknown field', () => ({ all: true }), 'all'), bad('wrong type', () => 'all', undefined)],
    backupNow: [bad('unknown field', () => ({ label: 'before lunch' }), 'label'), bad('wrong type', () => [], undefined)],
    restoreBackup: [
      bad('missing name', () => ({}), 'name'),
      bad('name not text', () => ({ name: 7 }), 'name'),
      bad('unknown backup', () => ({ name: 'cuelight-1999-01-01T00-00-00.000Z.sqlite' }), 'name', 'not_found'),
      bad('a path out of the folder', () => ({ name: '../x.sqlite' }), 'name'),
      bad('a path dressed as a backup', () => ({ name: 'cuelight-x/../../cuelight.sqlite' }), 'name'),
      bad('the live store', () => ({ name: 'cuelight.sqlite' }), 'name'),
      bad('a name that only looks like one', () => ({ name: 'cuelight-..sqlite' }), 'name', 'not_found'),
      bad('absurdly long', () => ({ name: `cuelight-${long(300)}.sqlite` }), 'name'),
    ],
  },
  valid: {
    getBootstrap: () => undefined,
    loadDemo: () => undefined,
    updateSettings: () => ({ crewName: 'Crew B' }),
    listBackups: () => undefined,
    backupNow: () => undefined,
    restoreBackup: () => ({ name: fixtureBackup() }),
  },
};
