import type { planMethods } from '../../../shared/contract/plans';
import { listPlans } from '../repos/plans';
import { createPlan, deletePlan, duplicatePlan, reorderPlans, requirePlan, restorePlan, updatePlan } from '../services/plans';
import { exportPlans } from '../services/plan-export';
import { importPlans } from '../services/plan-import';
import { announce, type ApiDeps, type AreaApi } from './deps';

/** Phases in which the console holds a plan: it must not be deleted from under a countdown. */
const HOLDING = new Set(['standby', 'counting', 'paused']);

export function plansApi(deps: ApiDeps): AreaApi<keyof typeof planMethods> {
  const { db, clock } = deps;
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
    exportPlans: (input) => exportPlans(db, input),
    importPlans: (input) => {
      const result = importPlans(db, input, clock.now());
      if (result.imported > 0) announce(deps, 'plans', 'people', 'venues');
      return result;
    },
  };
}
