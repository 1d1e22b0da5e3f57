import type { Db } from './db/open';
import type { Clock } from './clock';
import type { ApiImplementation } from '../../shared/api';
import { openDatabase } from './db/open';
import { systemClock } from './clock';
import { EventHub } from './events';
import { CountdownService } from './services/countdown';
import { createApi } from './api/index';
import { countPlans } from './repos/plans';
import { loadDemo } from './demo';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /** Load the demo shoot when the database has no plans yet. */
  demo?: boolean;
  version?: string;
}

export interface Core {
  api: ApiImplementation;
  events: EventHub;
  clock: Clock;
  db: Db;
  readOnly: boolean;
  close(): void;
}

/** Opens the store and the live countdown: everything both hosts (Electron, headless) share. */
export function openCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const db = openDatabase(options.dataDir);
  if (options.demo && countPlans(db) === 0) loadDemo(db, clock.now());
  const events = new EventHub();
  const countdown = new CountdownService(db, clock, events);
  const api = createApi({ db, clock, events, countdown, version: options.version ?? '0.0.0', readOnlyReason: '', dataDir: options.dataDir });
  return {
    api,
    events,
    clock,
    db,
    readOnly: false,
    close() {
      countdown.close();
      db.close();
    },
  };
}
