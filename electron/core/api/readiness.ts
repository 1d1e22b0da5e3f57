import type { readinessMethods } from '../../../shared/contract/readiness';
import { departmentByToken, departmentLinks, readinessForTake, replaceDepartments, rotateToken, setReadinessOptions } from '../repos/readiness';
import { requireTake } from '../services/takes';
import { notFound, refusal } from '../errors';
import type { ApiDeps, AreaApi } from './deps';

export function readinessApi(deps: ApiDeps): AreaApi<keyof typeof readinessMethods> {
  const { db, readiness } = deps;
  /** A department link's own department; a rotated or removed link is refused, never guessed at. */
  const own = (token: string) => {
    const found = departmentByToken(db, token);
    if (!found) throw refusal('unauthorized', 'err.departmentLink');
    return found;
  };
  const mine = (token: string) => {
    const d = own(token);
    return { name: d.name, ready: d.ready, hold: readiness.board().hold };
  };
  return {
    getReadiness: () => readiness.board(),
    saveDepartments: (input) => {
      db.transaction(() => replaceDepartments(db, input.departments)).immediate();
      readiness.announce();
      return readiness.board();
    },
    setReadinessOptions: (input) => {
      db.transaction(() => setReadinessOptions(db, { autoHold: input.autoHold, holdAtMs: input.holdAtSeconds * 1000 })).immediate();
      readiness.announce();
      return readiness.board();
    },
    listDepartmentLinks: () => departmentLinks(db),
    rotateDepartmentLink: (input) => {
      const link = db.transaction(() => rotateToken(db, input.id)).immediate();
      if (!link) throw notFound('department', input.id, 'id');
      return link;
    },
    getMyDepartment: (input) => mine(input.token),
    setMyReadiness: (input) => {
      db.transaction(() => {
        const d = own(input.token);
        if (d.ready !== input.ready) readiness.setReady(d.id, d.name, input.ready);
      }).immediate();
      readiness.announce();
      return mine(input.token);
    },
    getTakeReadiness: (input) => {
      requireTake(db, input.takeId, 'takeId');
      return readinessForTake(db, input.takeId);
    },
  };
}
