import type { Db } from './db/open';
import type { Clock } from './clock';
import type { EventHub } from './events';
import type { Store } from './store';
import type { ApiImplementation } from '../../shared/api';
import type { Backup } from '../../shared/contract/settings';
import type { StoreBackups } from './api/deps';
import type { DeviceRegistry } from './clients/devices';
import type { OperatorLink } from './clients/operator-link';
import type { OscControlLink } from './control-in';
import { openFile } from './db/open';
import { ImportWriter } from './services/plan-import-write';
import { CountdownService } from './services/countdown';
import { TriggerRunner } from './triggers/runner';
import { createApi } from './api/index';
import { getSetting } from './repos/settings';
import { TakeReview } from './review/review-thread';
import { ReadinessService } from './clients/readiness';
import { readOscControlSettings } from './control-in';

/** What the services need that outlives one opening of the store. */
export interface ServiceContext {
  dataDir: string;
  clock: Clock;
  events: EventHub;
  devices: DeviceRegistry;
  operatorLink: OperatorLink;
  oscControl: OscControlLink;
  version: string;
  /** Read the take log into memory in the background once open. */
  warmReview: boolean;
  /** The newest backup that passed its check, asked only while the store is damaged. */
  newestGoodBackup(): Backup | null;
  backups: Omit<StoreBackups, 'goodBackup'>;
  /** After each take ends: the background backup. */
  takeEnded(): void;
}

/** Everything built on one opening of the store; a restore closes them and builds them again. */
export interface Services {
  api: ApiImplementation;
  countdown: CountdownService;
  imports: ImportWriter;
  /** Why the store is read-only, with the newest good backup to restore; '' when writable. */
  readOnlyReason: string;
  close(): void;
}

/** Builds the countdown, imports, show control, readiness and the API on the store as it is now open. */
export function openServices(store: Store, context: ServiceContext): Services {
  const { clock, events, devices, operatorLink } = context;
  const good = store.readOnly ? context.newestGoodBackup() : null;
  const imports = new ImportWriter(
    () => openImportConnection(store.file),
    () => store.durableAfterBigCommit(),
    () => store.syncSoon(),
    () => !countdown.counting,
  );
  const countdown = new CountdownService(store.liveDb, clock, events, {
    takeEnded: context.takeEnded,
    beforeWrite: () => imports.yieldTo(),
    committedUnasked: () => store.syncSoon(),
    openTakesAtStart: store.readOnly ? null : store.takeOpenTakesAtStart(),
  });
  // Show control hears the countdown through the event hub, so the countdown never waits for it.
  const triggers = new TriggerRunner(store.liveDb, clock, events);
  triggers.prime(countdown.snapshot());
  // Go / no-go follows the countdown through the hub too, and holds it through its own pause.
  const readiness = new ReadinessService(store.liveDb, clock, events, countdown, () => imports.yieldTo());
  operatorLink.storeReplaced();
  // A restored store brings its own OSC control setting; the host's server follows it (at start no
  // host is attached yet, and the host applies the stored setting itself when it attaches).
  context.oscControl.apply(readOscControlSettings(store.db)).catch((error: unknown) => console.error('OSC control: the restored setting could not be applied:', error));
  const readOnlyReason = store.damage === null ? '' : describeDamage(store.damage, good, context.dataDir);
  const api = createApi({
    db: store.db,
    durable: () => store.durable(),
    clock,
    events,
    countdown,
    triggers,
    version: context.version,
    readOnlyReason,
    readOnlyFinding: store.damage ?? '',
    dataDir: context.dataDir,
    backups: { ...context.backups, goodBackup: good?.name ?? null },
    imports,
    devices,
    operatorLink,
    readiness,
    oscControl: context.oscControl,
  });
  store.startCheckpointing();
  warmUp(store, context.warmReview);
  return {
    api,
    countdown,
    imports,
    readOnlyReason,
    close() {
      void TakeReview.closeFor(store.db);
      readiness.close();
      triggers.close();
      countdown.close();
    },
  };
}

/** Reads done once now so the first review and the first take's commit do not pay for them. */
function warmUp(store: Store, warmReview: boolean): void {
  const db = store.db;
  // The review starts noting changes now, outside any transaction (its notes are temp tables).
  TakeReview.of(db);
  // Read once outside a transaction, so every take's commit finds the crew's name kept.
  if (!store.readOnly) getSetting(db, 'crewName');
  if (warmReview) setImmediate(() => void warmReviewIndex(db));
}

/**
 * The import's own connection: never waits for the lock (the loop must not block), never
 * checkpoints on commit (that would copy the whole import on the loop), spills to the WAL early
 * so its commit has little left to write, and commits without a sync (NORMAL: still all or
 * nothing): the sync of its tens of MB runs in a worker, and the import answers only after it.
 */
function openImportConnection(storeFile: string): Db {
  const db = openFile(storeFile);
  db.pragma('busy_timeout = 0');
  db.pragma('wal_autocheckpoint = 0');
  db.pragma('cache_size = -1024');
  db.pragma('synchronous = NORMAL');
  return db;
}

/** The review's first look after start then answers from memory; a store closed meanwhile just stops it. */
async function warmReviewIndex(db: Db): Promise<void> {
  try {
    if (db.open) await TakeReview.of(db).warm();
  } catch (error) {
    if (db.open) console.error(`Reading the take log ahead failed (the review will read it when opened): ${(error as Error).message}`);
  }
}

function describeDamage(damage: string, good: Backup | null, dataDir: string): string {
  const head = `The database failed its start-up check (${damage}), so Cuelight opened it read-only: nothing can be changed.`;
  if (good) return `${head} Restore the newest good backup, ${good.name}, to go on; the damaged file is kept aside.`;
  return `${head} No good backup was found. Copy the folder ${dataDir} somewhere safe and ask for help before changing anything.`;
}
