import { describe, it, expect, afterEach, vi } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { StoreCheck } from './start-check';
import { BACKUP_DIR } from './backup';
import { DB_FILE } from './db/open';
import { LOCK_FILE } from './folder-lock';
import { runWorker } from './workers/run-worker';
import { Harness, ticksDuring } from './test-harness';

// Both hosts check the store at start in a worker, with the folder locked, before it opens
// writable: however big the store, the countdown's loop keeps running meanwhile.

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.dispose();
});

const store = () => path.join(h.dataDir, DB_FILE);
const songs = () => h.db.prepare('SELECT song FROM plans ORDER BY id').pluck().all() as string[];

/** Overwrites every page after the first with noise, as a failing disk might. */
function corruptStore(file: string): void {
  const size = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r+');
  for (let at = 4096; at < size; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, (at / 4096) % 251), 0, 4096, at);
  fs.closeSync(fd);
}

/** Every quick_check this thread (the countdown's loop) runs from now on. */
function quickChecksOnTheLoop(): () => unknown[] {
  const pragma = vi.spyOn(Database.prototype, 'pragma');
  return () => pragma.mock.calls.filter(([source]) => /quick_check/.test(String(source)));
}

describe('the start-up check, as both hosts open the store', () => {
  it('runs off the loop: a sound store opens writable and timers run during its check', async () => {
    h = new Harness({ demo: true });
    h.close();
    const onTheLoop = quickChecksOnTheLoop();
    const { ticks } = await ticksDuring(() => {
      const opening = h.openChecked();
      // Locked before the worker checks: no other Cuelight can write between the check and the open.
      expect(fs.readFileSync(path.join(h.dataDir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
      return opening;
    });
    expect(onTheLoop()).toEqual([]);
    expect(ticks).toBeGreaterThan(0);
    expect(h.core.readOnly).toBe(false);
    await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Palette' });
    expect(songs()).toContain('Palette');
  });

  it('a damaged store comes up read-only with the worker\'s finding and the newest good backup, checked off the loop too', async () => {
    h = new Harness({ demo: true });
    const good = (await h.ok('backupNow', undefined)).name;
    h.clock.advance(1_000);
    const newer = (await h.ok('backupNow', undefined)).name;
    corruptStore(path.join(h.dataDir, BACKUP_DIR, newer));
    h.close();
    corruptStore(store());
    const before = fs.readFileSync(store());
    const onTheLoop = quickChecksOnTheLoop();
    await h.openChecked();
    const boot = await h.ok('getBootstrap', undefined);
    expect(onTheLoop()).toEqual([]);
    expect(boot).toMatchObject({ readOnly: true, goodBackup: good });
    expect(boot.readOnlyReason).toMatch(/failed its start-up check \(.*malformed/);
    expect((await h.refused('updateSettings', { crewName: 'x' })).code).toBe('read_only');
    expect(fs.readFileSync(store()).equals(before)).toBe(true);
    // The backups' verdicts were kept: restoring the good one does not check it on the loop either.
    await h.ok('restoreBackup', { name: good });
    expect(onTheLoop()).toEqual([]);
    expect(h.core.readOnly).toBe(false);
    expect(songs()).toHaveLength(6);
  });

  it('checks a store whose last changes are still in its WAL (as a crash leaves it), leaving them there, and loses none', async () => {
    h = new Harness({ demo: true });
    h.db.pragma('wal_autocheckpoint = 0');
    await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Palette' });
    // A copy taken while the store is open: the file and its -wal exactly as a crash would leave them.
    const crashed = new Harness();
    crashed.close();
    fs.copyFileSync(store(), path.join(crashed.dataDir, DB_FILE));
    fs.copyFileSync(`${store()}-wal`, path.join(crashed.dataDir, `${DB_FILE}-wal`));
    await h.dispose();
    h = crashed;
    const wal = fs.readFileSync(`${store()}-wal`);
    expect(wal.length).toBeGreaterThan(0);

    const found = await runWorker<StoreCheck>('store-check', { file: store(), backups: [] });
    expect(found.damage).toBeNull();
    // The check's read-only connection, the last to close, neither checkpointed nor removed the WAL.
    expect(fs.readFileSync(`${store()}-wal`).equals(wal)).toBe(true);

    await h.openChecked();
    expect(h.core.readOnly).toBe(false);
    expect(songs()).toContain('Palette');
  });

  it('a file that is not a database at all still opens read-only with an empty view', async () => {
    h = new Harness({ demo: true });
    h.close();
    fs.rmSync(`${store()}-wal`, { force: true });
    fs.writeFileSync(store(), Buffer.alloc(8192, 7));
    await h.openChecked();
    const boot = await h.ok('getBootstrap', undefined);
    expect(boot).toMatchObject({ readOnly: true, goodBackup: null });
    expect(boot.readOnlyReason).toMatch(/SQLite cannot read it/);
    expect(await h.ok('listPlans', undefined)).toEqual([]);
    expect(fs.readFileSync(store()).equals(Buffer.alloc(8192, 7))).toBe(true);
  });

  it('without its worker the store is still checked, on the loop, before it opens', async () => {
    h = new Harness({ demo: true });
    h.close();
    corruptStore(store());
    const workers = process.env.CUELIGHT_WORKERS_DIR;
    process.env.CUELIGHT_WORKERS_DIR = path.join(h.dataDir, 'no-workers-here');
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await h.openChecked();
    } finally {
      process.env.CUELIGHT_WORKERS_DIR = workers;
    }
    expect(h.core.readOnly).toBe(true);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/could not run in a worker/);
  });

  it('a first run has nothing to check and creates the store', async () => {
    h = new Harness();
    h.close();
    fs.rmSync(h.dataDir, { recursive: true, force: true });
    await h.openChecked();
    expect(h.core.readOnly).toBe(false);
    expect(fs.existsSync(store())).toBe(true);
  });
});
