import type { networkMethods } from '../../../shared/contract/network';
import { bad, long, type AreaCases } from './cases';

/** Refusals and one accepted input for every set-network method. */
export const networkCases: AreaCases<keyof typeof networkMethods> = {
  bad: {
    getJoinInfo: [bad('unknown field', () => ({ qr: true }), 'qr')],
    listDevices: [bad('unknown field', () => ({ all: true }), 'all')],
    renameDevice: [
      bad('no device', () => ({ name: 'Wing' }), 'deviceId'),
      bad('device id with spaces', () => ({ deviceId: 'wing tablet 1', name: 'Wing' }), 'deviceId'),
      bad('name too long', () => ({ deviceId: 'wing-tablet-1', name: long(60) }), 'name'),
      bad('invisible name', () => ({ deviceId: 'wing-tablet-1', name: '\u200b\u3164' }), 'name'),
    ],
    rotateOperatorToken: [bad('unknown field', () => ({ token: 'mine' }), 'token')],
    identifyDevice: [bad('no device', () => ({}), 'deviceId'), bad('short id', () => ({ deviceId: 'abc' }), 'deviceId')],
  },
  valid: {
    getJoinInfo: () => ({}),
    listDevices: () => ({}),
    renameDevice: () => ({ deviceId: 'wing-tablet-1', name: '윙 태블릿' }),
    rotateOperatorToken: () => ({}),
    identifyDevice: () => ({ deviceId: 'wing-tablet-1' }),
  },
};
