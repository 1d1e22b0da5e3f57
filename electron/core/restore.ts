import { TakeReview } from './review/review-thread';
import type { Backups } from './backup';
import type { EventHub } from './events';
import type { Store } from './store';
import type { CountdownSnapshot } from '../../shared/contract/countdown';
import type { Backup } from '../../shared/contract/settings';
import { totalChanges } from './db/wal';
import { ALL_TABLES } from './api/deps';
import { removeStore } from './backup';
import { refusal } from './errors';

const LIVE_PHASES = ['counting', 'paused', 'go'];

/** What a restore does to the services on the store: close them before the swap, build them again after. */
export interface ServiceSwitch {
  countdownNow(): CountdownSnapshot;
  closeServices(): void;
  openServices(): void;
}

/** Backs the store up (after each take, on demand, on quit) and swaps a backup in on restore. */
export class StoreKeeper {
  /**
   * The store's change count at its last backup: quitting backs up only when more changed. It starts
   * at the file's count as opened, so quitting a store nobody changed (an empty first run) backs
   * nothing up: no empty backup in the list, and no worker started while the process is asked to stop.
   */
  private changesAtBackup: number;

  constructor(
    private readonly store: Store,
    private readonly backups: Backups,
    private readonly events: EventHub,
    private readonly services: ServiceSwitch,
  ) {
    this.changesAtBackup = store.changesAtOpen;
  }

  async backUp(): Promise<Backup> {
    const db = this.store.db;
    const changes = totalChanges(db);
    const made = await this.backups.create(db);
    if (db === this.store.db) this.changesAtBackup = Math.max(this.changesAtBackup, changes);
    this.events.emit('dataChanged', { tables: ['settings'] });
    return made;
  }

  /** After each take: a backup in the background, started after GO's and the end's snapshots went out. */
  afterTake(): void {
    this.backUp().catch((error: unknown) => {
      if (!this.backups.isClosed) console.error(`The backup after the take failed: ${(error as Error).message}`);
    });
  }

  async restore(name: string): Promise<void> {
    const { store, backups, services } = this;
    const staged = store.stagedFile;
    await store.whileRestoring(async () => {
      try {
        await backups.idle(); // the backup of a take that just ended may be the one asked for
        backups.pathOf(name);
        if (!store.readOnly && LIVE_PHASES.includes(services.countdownNow().phase)) {
          throw refusal('conflict', 'err.restoreLive');
        }
        // In a worker: the loop goes on meanwhile (writes are refused while restoring, see store.restoring).
        await backups.stage(name, staged);
        // Nothing is lost: the current store is backed up first, or a damaged one kept aside.
        if (store.readOnly) backups.keepDamaged(store.file);
        else await this.backUp();
        await TakeReview.closeFor(store.db); // its thread's connection must be gone before the file is
        services.closeServices();
        store.swap(staged, () => this.reopened());
      } finally {
        removeStore(staged);
      }
    });
    this.events.emit('dataChanged', { tables: ALL_TABLES });
    this.events.emit('countdown', services.countdownNow());
  }

  /** Quitting: lets a running backup finish and backs up what changed since the last one. */
  async backUpOnQuit(): Promise<void> {
    await this.backups.idle();
    if (!this.store.readOnly && !this.store.restoring && totalChanges(this.store.db) > this.changesAtBackup) await this.backUp();
  }

  /** The restored store counts its changes afresh; its services are built on it. */
  private reopened(): void {
    this.changesAtBackup = this.store.changesAtOpen;
    this.services.openServices();
  }
}
