import { z } from 'zod';
import { NAME_MAX, text } from '../text';
import { method, none, ok } from './method';

export const bootstrap = z.object({
  version: z.string(),
  empty: z.boolean(),
  crewName: z.string(),
  /** True when the start-up integrity check failed: nothing can change until a backup is restored. */
  readOnly: z.boolean(),
  /** Why the store is read-only, for the banner that offers the newest good backup. */
  readOnlyReason: z.string(),
  canControl: z.boolean(),
});

export const backup = z.object({ name: z.string(), createdAt: z.number(), bytes: z.number() });
export type Backup = z.infer<typeof backup>;

const backupName = z.string().regex(/^cuelight-[\w.-]+\.sqlite$/, 'Pick a backup from the list');

export const settingsMethods = {
  getBootstrap: method(none, bootstrap, false),
  loadDemo: method(none, ok, true),
  updateSettings: method(z.strictObject({ crewName: text(NAME_MAX) }), ok, true),
  listBackups: method(none, z.array(backup), false),
  backupNow: method(none, backup, true),
  /** Replaces the store with a backup (the current one is backed up first, so nothing is lost). */
  restoreBackup: method(z.strictObject({ name: backupName }), ok, true),
} as const;
