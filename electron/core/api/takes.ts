import type { takeMethods } from '../../../shared/contract/takes';
import { listTakes } from '../repos/takes';
import { addTakeMark, requireTake, setTakeOutcome } from '../services/takes';
import { announce, type ApiDeps, type AreaApi } from './deps';
import { notBuilt } from './settings';

export function takesApi(deps: ApiDeps): AreaApi<keyof typeof takeMethods> {
  const { db, clock } = deps;
  return {
    listTakes: (input) => listTakes(db, input),
    queryTakes: () => notBuilt('queryTakes'),
    takeSummary: () => notBuilt('takeSummary'),
    getTake: (input) => requireTake(db, input.id),
    getTakeHistory: () => notBuilt('getTakeHistory'),
    setTakeOutcome: (input) => {
      const take = setTakeOutcome(db, input, clock.now());
      announce(deps, 'takes', 'plans');
      return take;
    },
    addTakeMark: (input) => {
      const take = addTakeMark(db, input, clock.now());
      announce(deps, 'takes');
      return take;
    },
    updateTakeMark: () => notBuilt('updateTakeMark'),
    deleteTakeMark: () => notBuilt('deleteTakeMark'),
    exportTakes: () => notBuilt('exportTakes'),
  };
}
