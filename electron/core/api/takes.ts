import { DB_FILE } from '../db/open';
import type { takeMethods } from '../../../shared/contract/takes';
import { getTake, listTakes } from '../repos/takes';
import { addTakeMark, deleteTakeMark, requireTake, setTakeOutcome, takeHistory, updateTakeMark } from '../services/takes';
import { checkFilter, queryTakes, takeSummary } from '../services/take-review';
import path from 'node:path';
import type { FileExport } from '../../../shared/contract/method';
import type { SerialisedAnswer } from '../../../shared/serialised-answer';
import { runWorker } from '../workers/run-worker';
import { announce, type ApiDeps, type AreaApi } from './deps';

/**
 * Work that follows a commit but is not part of it (telling displays, firing show control): run
 * once the change is on disk, after the reply has gone out; skipped if the store was closed
 * meanwhile (a restore, quitting). A disk that refused the sync is the reply's to report.
 * It asks for the sync only on the next turn of the loop, after dispatch has asked for it on the
 * reply's behalf: the sync is then the last thing before the answer, not followed by this; and
 * when both wait on one sync in the pool, the work still waits a turn, so the reply goes first.
 */
function afterReply(deps: ApiDeps, work: () => void): void {
  const { db } = deps;
  const run = () =>
    setImmediate(() => {
      if (!db.open) return;
      try {
        work();
      } catch (error) {
        console.error('After an outcome was saved, telling displays and show control failed:', error);
      }
    });
  setImmediate(() => void deps.durable().then(run, run));
}

export function takesApi(deps: ApiDeps): AreaApi<keyof typeof takeMethods> {
  const { db, clock } = deps;
  return {
    listTakes: (input) => listTakes(db, input),
    // Answered by the review's thread (review/review-thread.ts): nothing here grows with the log.
    queryTakes: (input) => queryTakes(db, input),
    takeSummary: (input) => takeSummary(db, input),
    getTake: (input) => requireTake(db, input.id),
    getTakeHistory: (input) => takeHistory(db, input.id),
    setTakeOutcome: (input) => {
      const { saved, planShot } = setTakeOutcome(db, input, clock.now());
      // The crew's save is answered first; displays and show control hear of it on the next turn of the loop.
      afterReply(deps, () => {
        // The plan list changes only when this take made its plan shot.
        if (planShot) announce(deps, 'takes', 'plans');
        else announce(deps, 'takes');
        const take = getTake(db, saved.id);
        if (take) deps.triggers.outcomeLogged({ ...take, outcome: saved.outcome });
      });
      return saved;
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
