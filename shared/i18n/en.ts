import { appMessages } from './areas/app';
import { plansMessages } from './areas/plans';
import { consoleMessages } from './areas/console';
import { stageMessages } from './areas/stage';
import { takesMessages } from './areas/takes';
import { errorMessages } from './areas/errors';
import { triggersMessages } from './areas/triggers';
import { networkMessages } from './areas/network';
import { oscControlMessages } from './areas/osc-control';

/** Every area's catalogue, so each screen's strings live beside each other in both languages. */
export const AREAS = [appMessages, plansMessages, consoleMessages, stageMessages, takesMessages, errorMessages, triggersMessages, networkMessages, oscControlMessages] as const;

export const en = {
  ...appMessages.en,
  ...plansMessages.en,
  ...consoleMessages.en,
  ...stageMessages.en,
  ...takesMessages.en,
  ...errorMessages.en,
  ...triggersMessages.en,
  ...networkMessages.en,
  ...oscControlMessages.en,
};

export type MessageKey = keyof typeof en;
