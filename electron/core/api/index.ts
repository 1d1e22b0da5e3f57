import type { ApiImplementation } from '../../../shared/api';
import type { ApiDeps } from './deps';
import { settingsApi } from './settings';
import { rosterApi } from './roster';
import { plansApi } from './plans';
import { countdownApi } from './countdown';
import { takesApi } from './takes';
import { triggersApi } from './triggers';
import { networkApi } from './network';
import { readinessApi } from './readiness';
import { oscControlApi } from './osc-control';

export type { ApiDeps } from './deps';

/** The single implementation of the shared contract, one area per file; inputs arrive validated. */
export function createApi(deps: ApiDeps): ApiImplementation {
  return { ...settingsApi(deps), ...rosterApi(deps), ...plansApi(deps), ...countdownApi(deps), ...takesApi(deps), ...triggersApi(deps), ...networkApi(deps), ...readinessApi(deps), ...oscControlApi(deps) };
}
