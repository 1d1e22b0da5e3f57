import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FolderInUseError, LOCK_FILE, lockFolder } from './folder-lock';
import { openCore, openCoreChecked } from './core';
import { makeTempDir } from './test-harness';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const lockedBy = (pid: number) => fs.writeFileSync(path.join(dir, LOCK_FILE), String(pid));

describe('one Cuelight per data folder', () => {
  it('refuses a folder another running Cuelight holds, saying which and what to do, and opens nothing', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      lockedBy(other.pid!);
      // The running Cuelight's backup in the making: a second launch must not take it for a crash's leftover.
      const partial = path.join(dir, 'backups', '.cuelight-2026-12-03T15-00-00.000Z.sqlite.partial');
      fs.mkdirSync(path.dirname(partial));
      fs.writeFileSync(partial, 'half a page');
      expect(() => openCore({ dataDir: dir })).toThrow(FolderInUseError);
      await expect(openCoreChecked({ dataDir: dir })).rejects.toThrow(FolderInUseError);
      expect(fs.readFileSync(partial, 'utf8')).toBe('half a page');
      expect(() => openCore({ dataDir: dir })).toThrow(`Another Cuelight (process ${other.pid}) is using the data folder ${dir}. Quit it first`);
      expect(fs.existsSync(path.join(dir, 'cuelight.sqlite'))).toBe(false);
    } finally {
      other.kill();
    }
  });

  it('takes over the lock of a Cuelight that died without releasing it', () => {
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    lockedBy(Number(gone.stdout));
    const core = openCore({ dataDir: dir });
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    core.close();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('releases the folder on close, so the next start opens it', () => {
    openCore({ dataDir: dir }).close();
    const again = openCore({ dataDir: dir });
    again.close();
    const release = lockFolder(dir);
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });
});
