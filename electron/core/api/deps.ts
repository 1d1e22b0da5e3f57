import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownService } from '../services/countdown';
import type { ApiImplementation, MethodName } from '../../../shared/api';

export interface ApiDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  countdown: CountdownService;
  version: string;
  /** Set when the start-up integrity check failed; dispatch refuses changes while it is. */
  readOnlyReason: string;
  dataDir: string;
}

export type Table = 'plans' | 'people' | 'venues' | 'takes' | 'settings';

/** Tells every display which tables changed, so lists refresh without polling. */
export function announce(deps: ApiDeps, ...tables: Table[]): void {
  deps.events.emit('dataChanged', { tables });
}

/** One area's share of the contract implementation. */
export type AreaApi<M extends MethodName> = Pick<ApiImplementation, M>;
