import type { readinessMethods } from '../../../shared/contract/readiness';
import { bad, long, type AreaCases } from './cases';

const ROTATED = 'a-link-that-was-rotated-away-0001';

/** Refusals and one accepted input for every readiness method. */
export const readinessCases: AreaCases<keyof typeof readinessMethods> = {
  bad: {
    getReadiness: [bad('unknown field', () => ({ hold: true }), 'hold')],
    saveDepartments: [
      bad('no list', () => ({}), 'departments'),
      bad('empty name', () => ({ departments: [{ name: '  ' }] }), 'departments.0.name'),
      bad('name too long', () => ({ departments: [{ name: long(40) }] }), 'departments.0.name'),
      bad('too many', () => ({ departments: Array.from({ length: 13 }, (_, i) => ({ name: `Dept ${i}` })) }), 'departments'),
    ],
    setReadinessOptions: [
      bad('no hold point', () => ({ autoHold: true }), 'holdAtSeconds'),
      bad('hold at zero', () => ({ autoHold: true, holdAtSeconds: 0 }), 'holdAtSeconds'),
      bad('hold point too early', () => ({ autoHold: true, holdAtSeconds: 601 }), 'holdAtSeconds'),
    ],
    listDepartmentLinks: [bad('unknown field', () => ({ all: true }), 'all')],
    rotateDepartmentLink: [bad('no id', () => ({}), 'id'), bad('unknown department', () => ({ id: 99999 }), 'id', 'not_found')],
    getMyDepartment: [
      bad('no token', () => ({}), 'token'),
      bad('cut-off token', () => ({ token: 'abc' }), 'token'),
      bad('rotated token', () => ({ token: ROTATED }), undefined, 'unauthorized'),
    ],
    setMyReadiness: [
      bad('no state', (ids) => ({ token: ids.departmentToken }), 'ready'),
      bad('rotated token', () => ({ token: ROTATED, ready: true }), undefined, 'unauthorized'),
      bad('another field', (ids) => ({ token: ids.departmentToken, ready: true, departmentId: 2 }), 'departmentId'),
    ],
    getTakeReadiness: [bad('no take', () => ({}), 'takeId'), bad('unknown take', () => ({ takeId: 99999 }), 'takeId', 'not_found')],
  },
  valid: {
    getReadiness: () => ({}),
    saveDepartments: (ids) => ({ departments: [{ id: ids.departmentId, name: '카메라' }, { name: 'Video village' }] }),
    setReadinessOptions: () => ({ autoHold: true, holdAtSeconds: 10 }),
    listDepartmentLinks: () => ({}),
    rotateDepartmentLink: (ids) => ({ id: ids.departmentId }),
    getMyDepartment: (ids) => ({ token: ids.departmentToken }),
    setMyReadiness: (ids) => ({ token: ids.departmentToken, ready: true }),
    getTakeReadiness: (ids) => ({ takeId: ids.takeId }),
  },
};
