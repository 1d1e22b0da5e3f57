import type { countdownMethods } from '../../../shared/contract/countdown';
import { bad, long, TEN_HOURS, type AreaCases } from './cases';

/** Refusals and one accepted input for every countdown method. */
export const countdownCases: AreaCases<keyof typeof countdownMethods> = {
  bad: {
    getCountdown: [bad('unknown field', () => ({ now: 1 }), 'now')],
    countdownCommand: [
      bad('no command', () => ({}), 'type'),
      bad('unknown command', () => ({ type: 'explode' }), 'type'),
      bad('arm without a plan', () => ({ type: 'arm' }), 'planId'),
      bad('arm an unknown plan', () => ({ type: 'arm', planId: 99999 }), 'planId', 'not_found'),
      bad('rehearsal not a flag', (ids) => ({ type: 'arm', planId: ids.planId, rehearsal: 'yes' }), 'rehearsal'),
      bad('adjust by ten hours', () => ({ type: 'adjust', deltaMs: TEN_HOURS }), 'deltaMs'),
      bad('adjust by half a millisecond', () => ({ type: 'adjust', deltaMs: 0.5 }), 'deltaMs'),
      bad('extra field on start', () => ({ type: 'start', force: true }), 'force'),
    ],
    setStageMessage: [
      bad('missing text', () => ({}), 'text'),
      bad('text not text', () => ({ text: 5 }), 'text'),
      bad('text too long', () => ({ text: long(200) }), 'text'),
      bad('text with a lone surrogate', () => ({ text: 'Two \ud83d minutes' }), 'text'),
    ],
  },
  valid: {
    getCountdown: () => undefined,
    countdownCommand: (ids) => ({ type: 'arm', planId: ids.planId }),
    setStageMessage: () => ({ text: 'Two minutes' }),
  },
};
