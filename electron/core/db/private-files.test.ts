import { describe, it, expect, afterEach } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openCore, type Core } from '../core';
import { ManualClock } from '../clock';
import { BACKUP_DIR } from '../backup';
import { T0, makeTempDir } from '../test-harness';
import { DB_FILE } from './open';

// Other users of the laptop must not read the store: it holds the control token and contacts.
const modeOf = (file: string) => fs.statSync(file).mode & 0o777;
const cleanup: string[] = [];
let core: Core | undefined;
afterEach(() => {
  core?.close();
  core = undefined;
  for (const dir of cleanup.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const parent = makeTempDir();
  cleanup.push(parent);
  return path.join(parent, 'cuelight');
}

describe.skipIf(process.platform === 'win32')('data folder modes', () => {
  it('a new store, its WAL companions and its backups are readable by their owner only', async () => {
    const dir = dataDir();
    const umask = process.umask(0o022);
    try {
      core = openCore({ dataDir: dir, clock: new ManualClock(T0), demo: true });
      await core.api.backupNow(undefined, { canControl: true });
    } finally {
      process.umask(umask);
    }
    expect(modeOf(dir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(modeOf(path.join(dir, DB_FILE + suffix))).toBe(0o600);
    const backups = path.join(dir, BACKUP_DIR);
    expect(modeOf(backups)).toBe(0o700);
    const files = fs.readdirSync(backups);
    expect(files).toHaveLength(1);
    expect(modeOf(path.join(backups, files[0]!))).toBe(0o600);
  });

  it('a store left world-readable by an older Cuelight is made private when opened', () => {
    const dir = dataDir();
    core = openCore({ dataDir: dir, clock: new ManualClock(T0), demo: true });
    core.close();
    core = undefined;
    fs.chmodSync(dir, 0o755);
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(path.join(dir, DB_FILE + suffix))) fs.chmodSync(path.join(dir, DB_FILE + suffix), 0o644);
    core = openCore({ dataDir: dir, clock: new ManualClock(T0) });
    expect(modeOf(dir)).toBe(0o700);
    for (const suffix of ['', '-wal', '-shm']) expect(modeOf(path.join(dir, DB_FILE + suffix))).toBe(0o600);
  });
});
