import fs from 'node:fs';
import path from 'node:path';
import type { Db } from './db/open';
import type { Clock } from './clock';
import type { ApiImplementation } from '../../shared/api';
import type { Backup } from '../../shared/contract/settings';
import { DB_FILE, openEmpty, openFile, openStore } from './db/open';
import { ImportWriter } from './services/plan-import-write';
import { Checkpointer, totalChanges } from './db/wal';
import { systemClock } from './clock';
import { EventHub } from './events';
import { CountdownService } from './services/countdown';
import { TriggerRunner } from './triggers/runner';
import { createApi } from './api/index';
import { ALL_TABLES } from './api/deps';
import { countPlans } from './repos/plans';
import { getSetting } from './repos/settings';
import { loadDemo } from './demo';
import { Backups, removeStore, swapStore } from './backup';
import { refusal } from './errors';
import { ReviewIndex } from './review/review-index';
import { lockFolder } from './folder-lock';
import { DeviceRegistry } from './clients/devices';
import { ReadinessService } from './clients/readiness';

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
}

export interface Core {
  api: ApiImplementation;
  events: EventHub;
  clock: Clock;
  db: Db;
  /** Who is on the set network: the host's WebSocket says hello and reports for each display. */
  devices: DeviceRegistry;
  /** The start-up check failed: only a restore may change anything. */
  readOnly: boolean;
  /** Why, with the newest good backup to restore; '' when writable. */
  readOnlyReason: string;
  /** A restore is swapping the store: other changes are refused until it is done. */
  restoring: boolean;
  /** Why the take at GO is not on disk yet (null when it is): until then the app is read-only. */
  saveFailure(): string | null;
  /** Before a write on the store's connection: an import being written gives way (and starts over). */
  yieldWrites(): void;
  close(): void;
  /** Quitting: lets a running backup finish, backs up what changed since the last one, closes. */
  shutdown(): Promise<void>;
}

const LIVE_PHASES = ['counting', 'paused', 'go'];
/** How often the core looks whether the WAL is due a checkpoint (see db/wal.ts). */
const CHECKPOINT_EVERY_MS = 1_000;

/**
 * Opens the store and the live countdown: everything both hosts (Electron, headless) share.
 * The object stays the same for the app's life; a restore swaps the store inside it.
 */
export function openCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const events = new EventHub();
  const version = options.version ?? '0.0.0';
  const storeFile = path.join(options.dataDir, DB_FILE);
  const backups = new Backups(options.dataDir, clock);
  const devices = new DeviceRegistry(() => clock.now());
  let countdown: CountdownService;
  let imports: ImportWriter;
  let triggers: TriggerRunner;
  let readiness: ReadinessService;
  /** While read-only, the countdown runs on an empty in-memory store: nothing touches the damaged file. */
  let scratch: Db | null = null;
  let changesAtBackup = 0;
  let checkpointer: Checkpointer | null = null;

  const core = { events, clock, devices, readOnly: false, readOnlyReason: '', restoring: false, close, shutdown, saveFailure: () => countdown.saveFailure, yieldWrites: () => imports.yieldTo() } as Core;

  function load(demo: boolean): void {
    const store = openStore(options.dataDir);
    const damaged = store.damage !== null;
    if (!damaged && demo && countPlans(store.db) === 0) loadDemo(store.db, clock.now());
    const good = damaged ? backups.newestGood() : null;
    scratch = damaged ? openEmpty() : null;
    imports = new ImportWriter(() => openImportConnection(storeFile));
    const writer = imports;
    countdown = new CountdownService(scratch ?? store.db, clock, events, { takeEnded: afterTake, beforeWrite: () => writer.yieldTo() });
    // Show control hears the countdown through the event hub, so the countdown never waits for it.
    triggers = new TriggerRunner(scratch ?? store.db, clock, events);
    triggers.prime(countdown.snapshot());
    // Go / no-go follows the countdown through the hub too, and holds it through its own pause.
    readiness = new ReadinessService(scratch ?? store.db, clock, events, countdown, () => writer.yieldTo());
    const readOnlyReason = store.damage === null ? '' : describeDamage(store.damage, good, options.dataDir);
    const deps = {
      db: store.db,
      clock,
      events,
      countdown,
      triggers,
      version,
      readOnlyReason,
      readOnlyFinding: store.damage ?? '',
      dataDir: options.dataDir,
      backups: { list: () => backups.list(), create: backUp, restore, goodBackup: good?.name ?? null },
      imports,
      devices,
      readiness,
    };
    core.db = store.db;
    core.readOnly = damaged;
    core.readOnlyReason = readOnlyReason;
    core.api = createApi(deps);
    changesAtBackup = 0;
    checkpointer = damaged ? null : new Checkpointer(store.db);
    // The review starts noting changes now, outside any transaction (its notes are temp tables).
    ReviewIndex.of(store.db);
    // Read once outside a transaction, so every take's commit finds the crew's name kept.
    if (!damaged) getSetting(store.db, 'crewName');
    if (options.warmReview) setImmediate(() => void warmReview(store.db));
  }

  async function backUp(): Promise<Backup> {
    const db = core.db;
    const changes = totalChanges(db);
    const made = await backups.create(db);
    if (db === core.db) changesAtBackup = Math.max(changesAtBackup, changes);
    events.emit('dataChanged', { tables: ['settings'] });
    return made;
  }

  /** After each take: a backup in the background, started after GO's and the end's snapshots went out. */
  function afterTake(): void {
    backUp().catch((error: unknown) => {
      if (!backups.isClosed) console.error(`The backup after the take failed: ${(error as Error).message}`);
    });
  }

  async function restore(name: string): Promise<void> {
    if (core.restoring) throw refusal('conflict', 'err.restoreBusy');
    core.restoring = true;
    const staged = `${storeFile}.restoring`;
    try {
      await backups.idle(); // the backup of a take that just ended may be the one asked for
      backups.pathOf(name);
      if (!core.readOnly && LIVE_PHASES.includes(countdown.snapshot().phase)) {
        throw refusal('conflict', 'err.restoreLive');
      }
      backups.stage(name, staged);
      // Nothing is lost: the current store is backed up first, or a damaged one kept aside.
      if (core.readOnly) backups.keepDamaged(storeFile);
      else await backUp();
      closeStore();
      try {
        swapStore(staged, storeFile);
      } finally {
        load(false);
      }
    } finally {
      removeStore(staged);
      core.restoring = false;
    }
    events.emit('dataChanged', { tables: ALL_TABLES });
    events.emit('countdown', countdown.snapshot());
  }

  function checkpoint(): void {
    if (core.readOnly || core.restoring || !core.db.open) return;
    try {
      checkpointer?.runIfDue();
    } catch (error) {
      console.error(`WAL checkpoint failed (the next one will retry): ${(error as Error).message}`);
    }
  }

  function closeStore(): void {
    readiness.close();
    triggers.close();
    countdown.close();
    core.db.close();
    scratch?.close();
    scratch = null;
  }

  function close(): void {
    clearInterval(checkpoints);
    backups.close();
    if (core.db.open) closeStore();
    unlock();
  }

  async function shutdown(): Promise<void> {
    try {
      await backups.idle();
      if (!core.readOnly && !core.restoring && totalChanges(core.db) > changesAtBackup) await backUp();
    } catch (error) {
      console.error(`The backup on quit failed: ${(error as Error).message}`);
    } finally {
      close();
    }
  }

  const unlock = lockFolder(options.dataDir);
  removeStore(`${storeFile}.restoring`); // a restore cut short by a crash left its staged copy
  try {
    load(options.demo === 'first-run' ? !fs.existsSync(storeFile) : (options.demo ?? false));
  } catch (error) {
    unlock(); // a store this version cannot open leaves the folder free for one that can
    throw error;
  }
  // Checkpoints run between calls, off the commit path, and seldom: see db/wal.ts.
  // A real timer, not the injected clock: this is disk housekeeping, not show time.
  const checkpoints = setInterval(checkpoint, CHECKPOINT_EVERY_MS);
  checkpoints.unref();
  return core;
}

/**
 * The import's own connection: never waits for the lock (the loop must not block), never
 * checkpoints on commit (that would copy the whole import on the loop), and spills to the WAL
 * early so its commit has little left to write.
 */
function openImportConnection(storeFile: string): Db {
  const db = openFile(storeFile);
  db.pragma('busy_timeout = 0');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('cache_size = -1024');
  return db;
}

/** The review's first look after start then answers from memory; a store closed meanwhile just stops it. */
async function warmReview(db: Db): Promise<void> {
  try {
    if (db.open) await ReviewIndex.of(db).warm();
  } catch (error) {
    if (db.open) console.error(`Reading the take log ahead failed (the review will read it when opened): ${(error as Error).message}`);
  }
}

function describeDamage(damage: string, good: Backup | null, dataDir: string): string {
  const head = `The database failed its start-up check (${damage}), so Cuelight opened it read-only: nothing can be changed.`;
  if (good) return `${head} Restore the newest good backup, ${good.name}, to go on; the damaged file is kept aside.`;
  return `${head} No good backup was found. Copy the folder ${dataDir} somewhere safe and ask for help before changing anything.`;
}
