import type { Db } from './db/open';
import type { Clock } from './clock';
import type { EventHub } from './events';
import type { ApiImplementation } from '../../shared/api';
import type { CountdownService } from './services/countdown';
import { listPeople, insertPerson } from './repos/people';
import { listVenues, insertVenue } from './repos/venues';
import { countPlans, listPlans } from './repos/plans';
import { listTakes } from './repos/takes';
import { getSetting, setSetting } from './repos/settings';
import { createPlan, requirePlan, updatePlan } from './services/plans';
import { addTakeMark, requireTake, setTakeOutcome } from './services/takes';
import { loadDemo } from './demo';
import { CuelightError } from './errors';

export interface ApiDeps {
  db: Db;
  clock: Clock;
  events: EventHub;
  countdown: CountdownService;
  version: string;
  readOnly: boolean;
}

/** The single implementation of the shared contract; inputs arrive already validated. */
export function createApi(deps: ApiDeps): ApiImplementation {
  const { db, clock, events, countdown } = deps;
  const changed = (...tables: ('plans' | 'people' | 'venues' | 'takes' | 'settings')[]) => events.emit('dataChanged', { tables });

  return {
    getBootstrap: (_input, context) => ({
      version: deps.version,
      empty: countPlans(db) === 0,
      crewName: getSetting(db, 'crewName') ?? '',
      readOnly: deps.readOnly,
      canControl: context.canControl,
    }),
    loadDemo: () => {
      if (countPlans(db) > 0) throw new CuelightError('conflict', 'The demo shoot loads only into an empty database');
      loadDemo(db, clock.now());
      changed('plans', 'people', 'venues');
      return { ok: true };
    },
    updateSettings: (input) => {
      setSetting(db, 'crewName', input.crewName);
      changed('settings');
      return { ok: true };
    },

    listPeople: () => listPeople(db),
    createPerson: (input) => {
      const person = insertPerson(db, input, clock.now());
      changed('people');
      return person;
    },
    listVenues: () => listVenues(db),
    createVenue: (input) => {
      const venue = insertVenue(db, input, clock.now());
      changed('venues');
      return venue;
    },

    listPlans: () => listPlans(db),
    getPlan: (input) => requirePlan(db, input.id),
    createPlan: (input) => {
      const plan = createPlan(db, input, clock.now());
      changed('plans', 'people', 'venues');
      return plan;
    },
    updatePlan: (input) => {
      const plan = updatePlan(db, input.id, input.plan, clock.now());
      changed('plans', 'people', 'venues');
      return plan;
    },

    getCountdown: () => countdown.snapshot(),
    countdownCommand: (input) => countdown.command(input),
    setStageMessage: (input) => {
      countdown.setMessage(input.text);
      return { ok: true };
    },

    listTakes: (input) => listTakes(db, input),
    getTake: (input) => requireTake(db, input.id),
    setTakeOutcome: (input) => {
      const take = setTakeOutcome(db, input, clock.now());
      changed('takes', 'plans');
      return take;
    },
    addTakeMark: (input) => {
      const take = addTakeMark(db, input, clock.now());
      changed('takes');
      return take;
    },
  };
}
