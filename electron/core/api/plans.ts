import type { planMethods } from '../../../shared/contract/plans';
import { listPlans } from '../repos/plans';
import { createPlan, requirePlan, updatePlan } from '../services/plans';
import { announce, type ApiDeps, type AreaApi } from './deps';
import { notBuilt } from './settings';

export function plansApi(deps: ApiDeps): AreaApi<keyof typeof planMethods> {
  const { db, clock } = deps;
  return {
    listPlans: () => listPlans(db),
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
    duplicatePlan: () => notBuilt('duplicatePlan'),
    deletePlan: () => notBuilt('deletePlan'),
    reorderPlans: () => notBuilt('reorderPlans'),
    exportPlans: () => notBuilt('exportPlans'),
    importPlans: () => notBuilt('importPlans'),
  };
}
