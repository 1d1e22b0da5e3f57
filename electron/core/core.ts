import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/open';
import type { Clock } from './clock';
import type { ApiImplementation } from '../../shared/api';
import { DB_FILE } from './db/open';
import { systemClock } from './clock';
import { EventHub } from './events';
import { Backups } from './backup';
import { DeviceRegistry } from './clients/devices';
import { OperatorLink } from './clients/operator-link';
import { OscControlLink } from './control-in';
import { Store } from './store';
import { fileWritingWorkersRunning, stopJobWorkers } from './workers/run-worker';
import { StoreKeeper } from './restore';
import { lockAndCheck } from './start-check';
import { openServices, type Services } from './services';
import { warmShowTimeInputs } from './warm-inputs';

export interface CoreOptions {
  dataDir: string;
  clock?: Clock;
  /**
   * Load the demo shoot: `true` when the database has no plans yet (the --demo flag),
   * 'first-run' only when this start creates the database (npm start, the desktop app).
   */
  demo?: boolean | 'first-run';
  version?: string;
  /** Read the take log into memory in the background after start, as the hosts do (tests leave it to the first review). */
  warmReview?: boolean;
  /** Parse one of each show-time input after start (warm-inputs.ts), as the hosts do, so the first countdown does not build their parsers. */
  warmInputs?: boolean;
}

export interface Core {
  readonly api: ApiImplementation;
  events: EventHub;
  clock: Clock;
  readonly db: Db;
  /** Who is on the set network: the host's WebSocket says hello and reports for each display. */
  devices: DeviceRegistry;
  /** The operator's token: what the host checks, and what the console rotates. */
  operatorLink: OperatorLink;
  /** OSC control in: the host that runs the server attaches to it (electron/host/osc/keeper). */
  oscControl: OscControlLink;
  /** The start-up check failed: only a restore may change anything. */
  readonly readOnly: boolean;
  /** Why, with the newest good backup to restore; '' when writable. */
  readonly readOnlyReason: string;
  /** A restore is swapping the store: other changes are refused until it is done. */
  readonly restoring: boolean;
  /** Why the take at GO is not on disk yet (null when it is): until then the app is read-only. */
  saveFailure(): string | null;
  /** Before a write on the store's connection: an import being written gives way (and starts over). */
  yieldWrites(): void;
  /** Resolves once every commit so far is on disk, synced off the loop (store.ts). */
  durable(): Promise<void>;
  /** Starts a sync of what was committed, for a change answered before it (dispatch.ts). */
  syncSoon(): void;
  close(): void;
  /** Quitting: lets a running backup finish, backs up what changed since the last one, closes. */
  shutdown(): Promise<void>;
}

/**
 * Opens the store and the live countdown: everything both hosts (Electron, headless) share.
 * The folder is locked and the store checked (quick_check) in a worker first, so the loop keeps
 * running however big the store has grown; only then does the store open, writable or not.
 * The object stays the same for the app's life; a restore swaps the store and its services inside it.
 */
export async function openCoreChecked(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const backups = new Backups(options.dataDir, clock);
  const demo = wantsDemo(options);
  const checked = await lockAndCheck(options.dataDir, backups);
  return assemble(options, backups, new Store(options.dataDir, clock, demo, checked));
}

/** As openCoreChecked, checking the store on the calling thread: for tests, never the hosts. */
export function openCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const backups = new Backups(options.dataDir, clock);
  return assemble(options, backups, new Store(options.dataDir, clock, wantsDemo(options)));
}

/** 'first-run' asks whether the store file is there yet: before anything creates it. */
function wantsDemo(options: CoreOptions): boolean {
  return options.demo === 'first-run' ? !fs.existsSync(path.join(options.dataDir, DB_FILE)) : (options.demo ?? false);
}

function assemble(options: CoreOptions, backups: Backups, store: Store): Core {
  backups.removeCutShort(); // the Store holds the folder's lock: the folder is ours now
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const devices = new DeviceRegistry(() => clock.now());
  // Reads and writes whichever store is open now (a restore swaps it).
  const operatorLink: OperatorLink = new OperatorLink(() => store.db, () => services.imports.yieldTo());
  const oscControl = new OscControlLink();
  // The services on the store as now open: built below, rebuilt by a restore.
  let services: Services;
  const keeper = new StoreKeeper(store, backups, events, {
    countdownNow: () => services.countdown.snapshot(),
    closeServices: () => services.close(),
    openServices: () => {
      services = open();
    },
  });
  const open = (): Services =>
    openServices(store, {
      dataDir: options.dataDir,
      clock,
      events,
      devices,
      operatorLink,
      oscControl,
      version: options.version ?? '0.0.0',
      warmReview: options.warmReview ?? false,
      newestGoodBackup: () => backups.newestGood(),
      backups: { list: () => backups.list(), create: () => keeper.backUp(), restore: (name) => keeper.restore(name) },
      takeEnded: () => keeper.afterTake(),
    });
  try {
    services = open();
  } catch (error) {
    store.close(); // a store this version cannot serve leaves the folder free for one that can
    throw error;
  }
  // A change's sync waits on the loop only between takes, with nothing else writing to the disk
  // (a backup, a checkpoint, an import): a sync that could hold GO never runs there. Workers that
  // only read (the review's warm-up after start, an export) do not count: with the warm-up counted,
  // a change in the first second after start paid the pool's two thread hops, 2–6 ms at p99.
  store.loopMayWait = () => !services.countdown.counting && !services.imports.busy && fileWritingWorkersRunning() === 0;
  store.counting = () => services.countdown.counting;

  const stopWarming = options.warmInputs ? warmShowTimeInputs() : () => undefined;

  function close(): void {
    stopWarming();
    backups.close();
    if (store.db.open) services.close();
    store.close();
  }

  return {
    events,
    clock,
    devices,
    operatorLink,
    oscControl,
    get api() {
      return services.api;
    },
    get db() {
      return store.db;
    },
    get readOnly() {
      return store.readOnly;
    },
    get readOnlyReason() {
      return services.readOnlyReason;
    },
    get restoring() {
      return store.restoring;
    },
    saveFailure: () => services.countdown.saveFailure,
    yieldWrites: () => services.imports.yieldTo(),
    durable: () => store.durable(),
    syncSoon: () => store.syncSoon(),
    close,
    async shutdown() {
      try {
        await keeper.backUpOnQuit();
      } catch (error) {
        console.error(`The backup on quit failed: ${(error as Error).message}`);
      } finally {
        await stopJobWorkers().catch(() => undefined);
        close();
      }
    },
  };
}
