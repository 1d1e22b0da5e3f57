import { z } from 'zod';
import { NAME_MAX, text } from '../text';
import { method, none, ok } from './method';

export const bootstrap = z.object({
  version: z.string(),
  empty: z.boolean(),
  crewName: z.string(),
  /** True when the start-up integrity check failed: nothing can change until a backup is restored. */
  readOnly: z.boolean(),
  /** Why the store is read-only, in English (the host's log says the same). */
  readOnlyReason: z.string(),
  /** What the start-up check found, as SQLite put it; '' when writable. The banner words the rest in the UI's language. */
  readOnlyFinding: z.string(),
  /** The data folder, for copying it somewhere safe when no good backup exists. */
  dataDir: z.string(),
  /** While read-only: the newest backup that passed quick_check (null when there is none). */
  goodBackup: z.string().nullable(),
  canControl: z.boolean(),
});

export const backup = z.object({ name: z.string(), createdAt: z.number(), bytes: z.number() });
export type Backup = z.infer<typeof backup>;

// A bare file name: no slash can pass, so no path can leave the backups folder.
const backupName = z.string().max(200).regex(/^cuelight-[\w.-]+\.sqlite$/, 'Pick a backup from the list');

export const settingsMethods = {
  getBootstrap: method(none, bootstrap, false),
  loadDemo: method(none, ok, true),
  updateSettings: method(z.strictObject({ crewName: text(NAME_MAX) }), ok, true),
  listBackups: method(none, z.array(backup), false),
  backupNow: method(none, backup, true),
  /** Replaces the store with a backup (the current one is backed up first, so nothing is lost). */
  restoreBackup: method(z.strictObject({ name: backupName }), ok, true),
} as const;
