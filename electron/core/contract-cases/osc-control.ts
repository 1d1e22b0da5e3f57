import type { oscControlMethods } from '../../../shared/contract/osc-control';
import { bad, type AreaCases } from './cases';

const on = { enabled: true, port: 8765, bindAddress: '127.0.0.1', allow: ['127.0.0.1'] };

/** Refusals and one accepted input for OSC control in. */
export const oscControlCases: AreaCases<keyof typeof oscControlMethods> = {
  bad: {
    getOscControl: [bad('unknown field', () => ({ all: true }), 'all')],
    saveOscControl: [
      bad('port out of range', () => ({ ...on, port: 70_000 }), 'port'),
      bad('port zero', () => ({ ...on, port: 0 }), 'port'),
      bad('bind to a host name', () => ({ ...on, bindAddress: 'localhost' }), 'bindAddress'),
      bad('sender not an address', () => ({ ...on, allow: ['the console'] }), 'allow.0'),
      bad('on with nobody allowed', () => ({ ...on, allow: [] }), 'allow'),
      bad('unknown field', () => ({ ...on, host: '0.0.0.0' }), 'host'),
    ],
  },
  valid: {
    getOscControl: () => ({}),
    saveOscControl: () => ({ ...on, enabled: false, allow: ['127.0.0.1', '::1'] }),
  },
};
