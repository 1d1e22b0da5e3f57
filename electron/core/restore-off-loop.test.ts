import { describe, it, expect, afterEach, vi } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_DIR } from './backup';
import { DB_FILE } from './db/open';
import { Harness, ticksDuring } from './test-harness';

// Preparing a restore (the backup's check, its copy, its migration) grows with the store: it runs
// in a worker, so the countdown's loop goes on meanwhile.

let h: Harness;
afterEach(() => h?.dispose());

/** Overwrites every page after the first with noise, as a failing disk might. */
function corruptStore(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  for (let at = 4096; at < size; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, (at / 4096) % 251), 0, 4096, at);
  fs.closeSync(fd);
}

describe('a restore is prepared off the loop', () => {
  it('while read-only, restoring lets timers run while the backup is copied and brought up to date', async () => {
    h = new Harness({ demo: true });
    const good = (await h.ok('backupNow', undefined)).name;
    h.close();
    corruptStore(path.join(h.dataDir, DB_FILE));
    h.open();
    expect(h.core.readOnly).toBe(true);
    // Read-only, nothing else in the restore waits on a worker: every tick is one the staging left the loop.
    const { ticks } = await ticksDuring(() => h.ok('restoreBackup', { name: good }));
    expect(h.core.readOnly).toBe(false);
    expect(ticks).toBeGreaterThan(0);
    expect(fs.readdirSync(path.join(h.dataDir, BACKUP_DIR))).toContain(good);
  });

  it('the restored file, checked in the worker after its migration, is not checked again on the loop', async () => {
    h = new Harness({ demo: true });
    const made = (await h.ok('backupNow', undefined)).name;
    h.clock.advance(60_000);
    const pragma = vi.spyOn(Database.prototype, 'pragma');
    await h.ok('restoreBackup', { name: made });
    const onTheLoop = pragma.mock.calls.filter(([source]) => /quick_check/.test(String(source)));
    pragma.mockRestore();
    expect(onTheLoop).toEqual([]);
    expect(h.core.readOnly).toBe(false);
  });
});
