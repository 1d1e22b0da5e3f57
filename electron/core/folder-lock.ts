import fs from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'cuelight.lock';

/** Another Cuelight (the desktop app, or `npm run serve`) has this data folder open. */
export class FolderInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Another Cuelight (process ${pid}) is using the data folder ${dataDir}. ` +
        'Quit it first, or start this one with --data-dir and another folder.',
    );
  }
}

/** True while a process with this id runs (EPERM: it runs, as another user). */
function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One Cuelight per data folder: two hosts on one store would each run their own countdown over the
 * same rows. The lock is a file holding the owner's process id; a lock whose process is gone (a
 * crash, a SIGKILL) is taken over. The desktop app's single-instance lock does not cover a headless
 * host started on the app's folder. Returns the release.
 */
export function lockFolder(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  for (;;) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number.parseInt(fs.readFileSync(file, 'utf8'), 10);
    // The same process may open the folder again (a restore, tests); a stale lock is removed and retried.
    if (owner === process.pid) break;
    if (Number.isInteger(owner) && owner > 0 && running(owner)) throw new FolderInUseError(dataDir, owner);
    fs.rmSync(file, { force: true });
  }
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.rmSync(file, { force: true });
    } catch {
      // already gone
    }
  };
}
