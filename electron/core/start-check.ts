import fs from 'node:fs';
import path from 'node:path';
import type { Backups, BackupVerdict } from './backup';
import type { CheckVerdict } from './db/open';
import { DB_FILE } from './db/open';
import { lockFolder } from './folder-lock';
import { runWorker } from './workers/run-worker';

/** What the start-up check's worker found (workers/store-check.worker.ts). */
export interface StoreCheck {
  /** null: sound; a string: quick_check's complaint; undefined: the worker could not read the file. */
  damage: CheckVerdict;
  /** Only when damaged: the backups checked, newest first, up to the first good one. */
  backups: BackupVerdict[];
  /** Only when sound: the takes left running (see interruptOpenTakes); null when not read. */
  openTakes: number[] | null;
}

/** The data folder, locked for this process, and what the check found in its store file. */
export interface CheckedFolder {
  unlock: () => void;
  verdict: CheckVerdict;
  /** The takes left running, as the check found them; null: the open finds them itself. */
  openTakes: number[] | null;
}

/**
 * Locks the folder first (no other Cuelight can write between the check and the open), then checks
 * the store in a worker, so the countdown's loop keeps running however big the store has grown.
 * A first run has nothing to check. The backups' verdicts go to `backups`, which then names the
 * newest good one for the read-only banner without checking any on the loop.
 */
export async function lockAndCheck(dataDir: string, backups: Backups): Promise<CheckedFolder> {
  const unlock = lockFolder(dataDir);
  const file = path.join(dataDir, DB_FILE);
  if (!fs.existsSync(file)) return { unlock, verdict: null, openTakes: null };
  try {
    const found = await runWorker<StoreCheck>('store-check', { file, backups: backups.list().map(({ name }) => ({ name, file: path.join(backups.dir, name) })) });
    backups.learn(found.backups);
    return { unlock, verdict: found.damage, openTakes: found.openTakes };
  } catch (error) {
    // Without its worker the check still has to happen: on the loop, as the open does when unchecked.
    console.error(`The start-up check could not run in a worker (${(error as Error).message}): checking on the main thread`);
    return { unlock, verdict: undefined, openTakes: null };
  }
}
