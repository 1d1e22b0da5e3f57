import fs from 'node:fs';

/**
 * The store holds the control token and every contact detail: only the user who runs Cuelight may
 * read it. Folders are 0700 and files 0600; SQLite gives a database's -wal and -shm the database
 * file's own mode, so making the file first is enough for its companions. No-ops on Windows,
 * where the profile folder's ACL already keeps other users out.
 */
export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and parents) if needed and makes it readable by its owner only. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  restrict(dir, PRIVATE_DIR_MODE);
}

/** Creates `file` empty if absent (so SQLite opens it with this mode) and makes it owner-only. */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  restrict(file, PRIVATE_FILE_MODE);
}

/** A store file and whichever of its -wal and -shm companions exist (left by an older Cuelight). */
export function ensurePrivateStore(file: string): void {
  ensurePrivateFile(file);
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (fs.existsSync(companion)) restrict(companion, PRIVATE_FILE_MODE);
}

function restrict(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  if ((fs.statSync(target).mode & 0o777) !== mode) fs.chmodSync(target, mode);
}
