import { describe, it, expect, afterEach, vi } from 'vitest';
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { BACKUP_DIR, BACKUP_KEEP, backupName, parseBackupName } from './backup';
import { DB_FILE } from './db/open';
import { Harness, T0, runToGo } from './test-harness';

let h: Harness;
afterEach(() => h?.dispose());

const backupDir = () => path.join(h.dataDir, BACKUP_DIR);
const store = () => path.join(h.dataDir, DB_FILE);
const songs = () => h.db.prepare('SELECT song FROM plans ORDER BY id').pluck().all() as string[];

async function demoPlanId(): Promise<number> {
  return (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
}

/** Overwrites every page after the first with noise, as a failing disk might. */
function corruptStore(file: string, from = 4096, to = Infinity): void {
  const size = Math.min(fs.statSync(file).size, to);
  const fd = fs.openSync(file, 'r+');
  for (let at = from; at < size; at += 4096) fs.writeSync(fd, Buffer.alloc(4096, (at / 4096) % 251), 0, 4096, at);
  fs.closeSync(fd);
}

function quickCheckOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('quick_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

describe('backup names', () => {
  it('carry the time, sort by it, and refuse anything else', () => {
    expect(backupName(T0)).toBe('cuelight-2026-11-26T09-00-00.000Z.sqlite');
    expect(parseBackupName(backupName(T0, 3))).toEqual({ createdAt: T0, seq: 3 });
    for (const name of ['cuelight.sqlite', '../cuelight-2026-11-26T09-00-00.000Z.sqlite', 'cuelight-..sqlite', '.cuelight-2026-11-26T09-00-00.000Z.sqlite.partial']) {
      expect(parseBackupName(name)).toBeNull();
    }
  });
});

describe('making backups', () => {
  it('backupNow writes one self-contained, checked file named for the host time', async () => {
    h = new Harness({ demo: true });
    const made = await h.ok('backupNow', undefined);
    expect(made).toMatchObject({ name: backupName(T0), createdAt: T0 });
    expect(fs.readdirSync(backupDir())).toEqual([made.name]);
    expect(made.bytes).toBe(fs.statSync(path.join(backupDir(), made.name)).size);
    expect(quickCheckOf(path.join(backupDir(), made.name))).toBe('ok');
    expect(await h.ok('listBackups', undefined)).toEqual([made]);
  });

  it('after each take: in the background, once the end has been announced', async () => {
    h = new Harness({ demo: true });
    const planId = await demoPlanId();
    await runToGo(h, planId);
    const seen: string[] = [];
    h.core.events.on('countdown', (s) => seen.push(`countdown ${s.phase} backups=${(fs.existsSync(backupDir()) ? fs.readdirSync(backupDir()) : []).length}`));
    await h.ok('countdownCommand', { type: 'end' });
    expect(seen).toEqual(['countdown ended backups=0']);
    await h.ok('listBackups', undefined);
    // Made in a worker: it lands a moment later.
    const listed = await vi.waitFor(async () => {
      const backups = await h.ok('listBackups', undefined);
      expect(backups.map((b) => b.name)).toEqual([backupName(h.clock.now())]);
      return backups;
    }, { timeout: 10_000, interval: 50 });
    const copy = new Database(path.join(backupDir(), listed[0]!.name), { readonly: true });
    expect(copy.prepare('SELECT count(*) FROM takes WHERE ended_at IS NOT NULL').pluck().get()).toBe(1);
    copy.close();
  });

  it(`keeps the newest ${BACKUP_KEEP}`, async () => {
    h = new Harness({ demo: true });
    const names: string[] = [];
    for (let i = 0; i < BACKUP_KEEP + 3; i++) {
      names.push((await h.ok('backupNow', undefined)).name);
      h.clock.advance(1_000);
    }
    const listed = (await h.ok('listBackups', undefined)).map((b) => b.name);
    expect(listed).toEqual(names.slice(3).reverse());
    expect(fs.readdirSync(backupDir()).sort()).toEqual([...listed].sort());
  });

  it('two in the same millisecond get distinct names', async () => {
    h = new Harness({ demo: true });
    const [a, b] = await Promise.all([h.ok('backupNow', undefined), h.ok('backupNow', undefined)]);
    expect(a.name).not.toBe(b.name);
    expect((await h.ok('listBackups', undefined)).map((x) => x.name)).toEqual([b.name, a.name]);
  });

  it('a backup cut short by a crash is never listed and is removed at the next start', async () => {
    h = new Harness({ demo: true });
    await h.ok('backupNow', undefined);
    const partial = path.join(backupDir(), `.${backupName(T0 + 5)}.partial`);
    fs.writeFileSync(partial, 'half a page');
    h.reopen();
    expect(fs.existsSync(partial)).toBe(false);
    expect(await h.ok('listBackups', undefined)).toHaveLength(1);
  });

  it('on quit: backs up what changed since the last backup, and nothing when nothing did', async () => {
    h = new Harness({ demo: true });
    await h.core.shutdown();
    expect(fs.readdirSync(backupDir())).toHaveLength(1); // the demo shoot was loaded
    h.open();
    await h.core.shutdown();
    expect(fs.readdirSync(backupDir())).toHaveLength(1);
    h.open();
    await h.ok('updateSettings', { crewName: 'Stage B' });
    h.clock.advance(1_000);
    await h.core.shutdown();
    expect(fs.readdirSync(backupDir())).toHaveLength(2);
  });

  it('on quit: a store nobody changed since it was made (an empty first run) leaves no backup', async () => {
    h = new Harness({ demo: false });
    await h.core.shutdown();
    expect(fs.existsSync(backupDir()) ? fs.readdirSync(backupDir()) : []).toEqual([]);
    h.open();
    await h.ok('updateSettings', { crewName: 'Stage B' });
    await h.core.shutdown();
    expect(fs.readdirSync(backupDir())).toHaveLength(1);
  });
});

describe('restoring a backup', () => {
  it('brings back the earlier state, after backing up the current one, and tells every display', async () => {
    h = new Harness({ demo: true });
    const before = await h.ok('backupNow', undefined);
    h.clock.advance(60_000);
    await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Blueming' });
    const core = h.core;
    const heard: string[] = [];
    core.events.on('dataChanged', (c) => heard.push(c.tables.join(',')));
    core.events.on('countdown', (s) => heard.push(`countdown ${s.phase}`));
    await h.ok('restoreBackup', { name: before.name });
    expect(h.core).toBe(core); // the same object the transports hold
    expect(songs()).not.toContain('Blueming');
    expect(heard.slice(-2)).toEqual(['plans,people,venues,takes,settings', 'countdown idle']);
    const listed = await h.ok('listBackups', undefined);
    expect(listed.map((b) => b.name)).toEqual([backupName(T0 + 60_000), before.name]);
    const saved = new Database(path.join(backupDir(), listed[0]!.name), { readonly: true });
    expect(saved.prepare("SELECT count(*) FROM plans WHERE song = 'Blueming'").pluck().get()).toBe(1);
    saved.close();
    await h.ok('createPlan', { artist: { name: 'IU' }, song: 'Palette' }); // writable again
    h.reopen();
    expect(songs()).toContain('Palette');
  });

  it('is refused while the countdown runs, and for a name not in the list', async () => {
    h = new Harness({ demo: true });
    const made = await h.ok('backupNow', undefined);
    await h.ok('countdownCommand', { type: 'arm', planId: await demoPlanId() });
    await h.ok('countdownCommand', { type: 'start' });
    expect(await h.refused('restoreBackup', { name: made.name })).toMatchObject({ code: 'conflict' });
    expect(await h.refused('restoreBackup', { name: backupName(T0 - 1) })).toMatchObject({ code: 'not_found', field: 'name' });
  });

  it('refuses a damaged backup and leaves the store as it was', async () => {
    h = new Harness({ demo: true });
    const made = await h.ok('backupNow', undefined);
    corruptStore(path.join(backupDir(), made.name));
    expect(await h.refused('restoreBackup', { name: made.name })).toMatchObject({ code: 'conflict', field: 'name' });
    expect(songs()).toHaveLength(6);
  });
});

describe('a store that fails its start-up check', () => {
  async function damagedWithBackups(): Promise<{ good: string; newer: string }> {
    h = new Harness({ demo: true });
    const good = (await h.ok('backupNow', undefined)).name;
    h.clock.advance(1_000);
    const newer = (await h.ok('backupNow', undefined)).name;
    corruptStore(path.join(backupDir(), newer));
    h.close();
    corruptStore(store());
    h.open();
    return { good, newer };
  }

  it('opens read-only, names the newest good backup, and refuses every change', async () => {
    const { good } = await damagedWithBackups();
    expect(h.core.readOnly).toBe(true);
    const boot = await h.ok('getBootstrap', undefined);
    expect(boot).toMatchObject({ readOnly: true, goodBackup: good, empty: false });
    expect(boot.readOnlyReason).toMatch(/failed its start-up check \(.*malformed/);
    expect(boot.readOnlyReason).toContain(good);
    for (const [name, input] of [['updateSettings', { crewName: 'x' }], ['backupNow', undefined], ['countdownCommand', { type: 'reset' }]] as const) {
      const error = await h.refused(name, input);
      expect({ name, code: error.code }).toEqual({ name, code: 'read_only' });
      expect(error.message).toMatch(/Restore the newest good backup/);
    }
    expect((await h.ok('getCountdown', undefined)).phase).toBe('idle');
  });

  it('restoring gets back to normal, keeping the damaged file aside', async () => {
    const { good } = await damagedWithBackups();
    await h.ok('restoreBackup', { name: good });
    expect(h.core.readOnly).toBe(false);
    expect(await h.ok('getBootstrap', undefined)).toMatchObject({ readOnly: false, readOnlyReason: '', goodBackup: null });
    expect(songs()).toHaveLength(6);
    await h.ok('updateSettings', { crewName: 'Stage B' });
    expect(fs.readdirSync(path.join(h.dataDir, 'damaged'))).toHaveLength(1);
    h.reopen();
    expect(h.core.readOnly).toBe(false);
  });

  it('a store whose schema reads but whose pages do not is caught by quick_check', async () => {
    h = new Harness({ demo: true });
    const page = h.db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'take_marks'").pluck().get() as number;
    h.close();
    corruptStore(store(), (page - 1) * 4096, page * 4096);
    h.open();
    const boot = await h.ok('getBootstrap', undefined);
    expect(boot).toMatchObject({ readOnly: true, goodBackup: null });
    expect(boot.readOnlyReason).toMatch(/quick_check/);
  });

  it('a file that is not a database at all is read-only too, with an empty view', async () => {
    h = new Harness({ demo: true });
    h.close();
    fs.rmSync(`${store()}-wal`, { force: true });
    fs.writeFileSync(store(), Buffer.alloc(8192, 7));
    h.open();
    const boot = await h.ok('getBootstrap', undefined);
    expect(boot).toMatchObject({ readOnly: true, goodBackup: null });
    expect(boot.readOnlyReason).toMatch(/No good backup was found/);
    expect(await h.ok('listPlans', undefined)).toEqual([]);
    expect(fs.readFileSync(store()).equals(Buffer.alloc(8192, 7))).toBe(true);
  });
});
