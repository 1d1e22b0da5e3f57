import type { triggerMethods } from '../../../shared/contract/triggers';
import { getTriggerList, resultsForTakes, saveTriggerList } from '../repos/triggers';
import { requirePlan } from '../services/plans';
import { requireTake } from '../services/takes';
import { SAMPLE_FIELDS, type TakeFields } from '../triggers/fields';
import { announce, type ApiDeps, type AreaApi } from './deps';

export function triggersApi(deps: ApiDeps): AreaApi<keyof typeof triggerMethods> {
  const { db } = deps;
  return {
    getTriggers: (input) => {
      if (input.planId !== null) requirePlan(db, input.planId, 'planId');
      return getTriggerList(db, input.planId);
    },
    saveTriggers: (input) => {
      if (input.planId !== null) requirePlan(db, input.planId, 'planId');
      saveTriggerList(db, input.planId, input.override, input.triggers);
      announce(deps, 'settings');
      return getTriggerList(db, input.planId);
    },
    testTrigger: (input) => {
      let fields: TakeFields = { ...SAMPLE_FIELDS, event: input.trigger.event };
      if (input.planId !== undefined) {
        const plan = requirePlan(db, input.planId, 'planId');
        fields = { ...fields, plan: plan.id, artist: plan.artist.name, song: plan.song, take: plan.takeCount + 1 };
      }
      return deps.triggers.test({ ...input.trigger, id: input.trigger.id ?? 0 }, fields);
    },
    getTakeTriggers: (input) => {
      requireTake(db, input.takeId, 'takeId');
      return resultsForTakes(db, [input.takeId]).get(input.takeId) ?? [];
    },
  };
}
