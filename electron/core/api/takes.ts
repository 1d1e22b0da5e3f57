import type { takeMethods } from '../../../shared/contract/takes';
import { listTakes } from '../repos/takes';
import { addTakeMark, deleteTakeMark, requireTake, setTakeOutcome, takeHistory, updateTakeMark } from '../services/takes';
import { queryTakes, takeSummary } from '../services/take-review';
import path from 'node:path';
import type { FileExport } from '../../../shared/contract/method';
import type { SerialisedAnswer } from '../../../shared/serialised-answer';
import { DB_FILE } from '../db/open';
import { checkFilter } from '../services/take-review';
import { runWorker } from '../workers/run-worker';
import { announce, type ApiDeps, type AreaApi } from './deps';

export function takesApi(deps: ApiDeps): AreaApi<keyof typeof takeMethods> {
  const { db, clock } = deps;
  return {
    listTakes: (input) => listTakes(db, input),
    queryTakes: (input) => queryTakes(db, input),
    takeSummary: (input) => takeSummary(db, input),
    getTake: (input) => requireTake(db, input.id),
    getTakeHistory: (input) => takeHistory(db, input.id),
    setTakeOutcome: (input) => {
      const { take, planShot } = setTakeOutcome(db, input, clock.now());
      // The plan list changes only when this take made its plan shot.
      if (planShot) announce(deps, 'takes', 'plans');
      else announce(deps, 'takes');
      deps.triggers.outcomeLogged(take); // after the commit; firing never holds the crew's save
      return take;
    },
    addTakeMark: (input) => {
      const take = addTakeMark(db, input, clock.now());
      announce(deps, 'takes');
      return take;
    },
    updateTakeMark: (input) => {
      const take = updateTakeMark(db, input);
      announce(deps, 'takes');
      return take;
    },
    deleteTakeMark: (input) => {
      const take = deleteTakeMark(db, input);
      announce(deps, 'takes');
      return take;
    },
    // A filter naming a missing artist or venue is refused here at once; the rows and the file are read in a worker.
    exportTakes: (input) => {
      checkFilter(db, input);
      return runWorker<SerialisedAnswer<FileExport>>('take-export', { file: path.join(deps.dataDir, DB_FILE), now: clock.now(), request: input });
    },
  };
}
