import type { Db } from '../db/open';
import type { Clock } from '../clock';
import type { EventHub } from '../events';
import type { CountdownService } from '../services/countdown';
import type { ImportWriter } from '../services/plan-import-write';
import type { TriggerRunner } from '../triggers/runner';
import type { DeviceRegistry } from '../clients/devices';
import type { OperatorLink } from '../clients/operator-link';
import type { ReadinessService } from '../clients/readiness';
import type { OscControlLink } from '../control-in';
import { CHANGE_TABLES, type ApiImplementation, type MethodName } from '../../../shared/api';
import type { Backup } from '../../../shared/contract/settings';

/** The store's backups as the API sees them; the core owns the files and the swap on restore. */
export interface StoreBackups {
  list(): Backup[];
  create(): Promise<Backup>;
  /** Backs up the current store (or keeps a damaged one aside), then swaps the backup in. */
  restore(name: string): Promise<void>;
  /** While read-only: the newest backup that passed quick_check, offered by the banner. */
  goodBackup: string | null;
}

export interface ApiDeps {
  db: Db;
  /** Resolves once every commit so far is on disk (synced off the loop, see db/wal-sync.ts). */
  durable: () => Promise<void>;
  clock: Clock;
  events: EventHub;
  countdown: CountdownService;
  triggers: TriggerRunner;
  version: string;
  /** Set when the start-up integrity check failed; dispatch refuses changes while it is. */
  readOnlyReason: string;
  /** What the start-up check found ('' when writable). */
  readOnlyFinding: string;
  dataDir: string;
  backups: StoreBackups;
  /** Writes imports on their own connection, giving way to every other write. */
  imports: ImportWriter;
  /** The set network's displays and devices, fed by the host's WebSocket. */
  devices: DeviceRegistry;
  /** The operator's token, rotated from the console. */
  operatorLink: OperatorLink;
  /** Departments' go / no-go and the countdown's auto-hold. */
  readiness: ReadinessService;
  /** OSC control in: its status, and the host's way to apply a saved setting at once. */
  oscControl: OscControlLink;
}

export type Table = (typeof CHANGE_TABLES)[number];
export const ALL_TABLES: Table[] = [...CHANGE_TABLES];

/** Tells every display which tables changed, so lists refresh without polling. */
export function announce(deps: ApiDeps, ...tables: Table[]): void {
  deps.events.emit('dataChanged', { tables });
}

/** One area's share of the contract implementation. */
export type AreaApi<M extends MethodName> = Pick<ApiImplementation, M>;
