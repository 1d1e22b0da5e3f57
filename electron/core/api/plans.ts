import type { planMethods } from '../../../shared/contract/plans';
import { listPlans } from '../repos/plans';
import { createPlan, deletePlan, duplicatePlan, reorderPlans, requirePlan, restorePlan, updatePlan } from '../services/plans';
import path from 'node:path';
import type { FileExport } from '../../../shared/contract/method';
import type { Events } from '../../../shared/api';
import type { CheckedPlan } from '../services/plan-import';
import type { SerialisedAnswer } from '../../../shared/serialised-answer';
import { DB_FILE } from '../db/open';
import { runWorker, startWorker } from '../workers/run-worker';
import type { ImportAnswer, ImportInput, ImportJob } from '../workers/plan-import-job';
import { UnreadJson } from '../unread-json';
import { refusal } from '../errors';
import { announce, type ApiDeps, type AreaApi } from './deps';

/** Phases in which the console holds a plan: it must not be deleted from under a countdown. */
const HOLDING = new Set(['standby', 'counting', 'paused']);

export function plansApi(deps: ApiDeps): AreaApi<keyof typeof planMethods> {
  const { db, clock } = deps;
  const report = (job: Events['progress']['job'], step: Events['progress']['step']) => (done: number, total: number) =>
    deps.events.emit('progress', { job, step, done, total });
  /** One import at a time: a second would wait behind the first's writes anyway. */
  let importing = false;
  return {
    listPlans: (input) => listPlans(db, { includeArchived: input?.includeArchived }),
    getPlan: (input) => requirePlan(db, input.id),
    createPlan: (input) => {
      const plan = createPlan(db, input, clock.now());
      announce(deps, 'plans', 'people', 'venues');
      return plan;
    },
    updatePlan: (input) => {
      const plan = updatePlan(db, input.id, input.plan, clock.now());
      announce(deps, 'plans', 'people', 'venues');
      return plan;
    },
    duplicatePlan: (input) => {
      const plan = duplicatePlan(db, input.id, clock.now());
      announce(deps, 'plans');
      return plan;
    },
    deletePlan: (input) => {
      const snapshot = deps.countdown.snapshot();
      const busy = HOLDING.has(snapshot.phase) ? snapshot.planId : null;
      const result = deletePlan(db, input.id, busy, clock.now());
      announce(deps, 'plans');
      return result;
    },
    restorePlan: (input) => {
      const plan = restorePlan(db, input.id, clock.now());
      announce(deps, 'plans');
      return plan;
    },
    reorderPlans: (input) => {
      const plans = reorderPlans(db, input.ids);
      announce(deps, 'plans');
      return plans;
    },
    // Off the loop: a worker on its own read-only connection writes the file and its JSON, handed over as bytes.
    exportPlans: (input) =>
      runWorker<SerialisedAnswer<FileExport>>('plan-export', { file: path.join(deps.dataDir, DB_FILE), ...input }, report('exportPlans', 'exporting')),
    // Parsed and checked in a worker (an HTTP body arrives unread). A real import is then written in
    // short slices that give way to the countdown (services/plan-import-write.ts); a dry run is
    // tried on a copy of the store in the worker, and never writes on the loop.
    importPlans: async (input: ImportInput | UnreadJson) => {
      if (importing) throw refusal('conflict', 'err.importBusy');
      importing = true;
      try {
        const store = { store: path.join(deps.dataDir, DB_FILE), now: clock.now() };
        const job: ImportJob = input instanceof UnreadJson ? { body: input.bytes, ...store } : { input, ...store };
        const transfer = input instanceof UnreadJson ? [input.bytes.buffer as ArrayBuffer] : [];
        const checked = await startWorker<ImportAnswer>('plan-import', job, report('importPlans', 'checking'), transfer);
        try {
          if ('dryRun' in checked.answer) return checked.answer.dryRun;
          const { validCount, onlyValid, ...file } = checked.answer.checked;
          const valid = { count: validCount, parts: checked.parts, part: (index: number) => checked.part(index) as Promise<CheckedPlan[]> };
          const waiting = () => report('importPlans', 'waiting')(0, validCount);
          const result = await deps.imports.write({ ...file, valid }, onlyValid, clock.now(), report('importPlans', 'writing'), waiting);
          if (result.imported > 0) announce(deps, 'plans', 'people', 'venues');
          return result;
        } finally {
          checked.close();
        }
      } finally {
        importing = false;
      }
    },
  };
}
