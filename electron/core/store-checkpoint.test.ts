import { describe, it, expect, afterEach, vi } from 'vitest';
import path from 'node:path';
import { DB_FILE } from './db/open';
import { CHECKPOINT_AFTER_CHANGES } from './db/wal';
import fs from 'node:fs';
import { fileWritingWorkersRunning, jobWorkersRunning, stopJobWorkers } from './workers/run-worker';
import { Harness, T0, makeTempDir, walSalts } from './test-harness';
import { Store } from './store';

// The store's checkpoints run on a real one-second timer (disk housekeeping, not show time):
// only that timer is faked here, so each tick is one call of the store's checkpoint policy.

let h: Harness;
afterEach(async () => {
  await h.dispose();
  vi.useRealTimers();
});

function changeRows(count: number): void {
  const insert = h.db.prepare("INSERT INTO people (name, roles, created_at) VALUES (?, '[\"dancer\"]', ?)");
  h.db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`Dancer ${i}`, T0);
  })();
}

describe('the store’s checkpoints', () => {
  it('start none while a countdown counts, and run on the loop once it stops, starting the log over there', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = new Harness({ demo: true });
    const file = path.join(h.dataDir, DB_FILE);
    const planId = (await h.ok('listPlans', undefined))[0]!.id;
    changeRows(CHECKPOINT_AFTER_CHANGES + 10);
    await h.ok('countdownCommand', { type: 'arm', planId });
    await h.ok('countdownCommand', { type: 'start' });
    const salts = walSalts(file);

    vi.advanceTimersByTime(3_000);
    expect(fileWritingWorkersRunning()).toBe(0); // no checkpoint worker either
    expect(walSalts(file)).toBe(salts);

    await h.ok('countdownCommand', { type: 'pause' });
    vi.advanceTimersByTime(1_000);
    expect(walSalts(file)).not.toBe(salts);
    // The next change appends to the log just started over; it does not start it again.
    const restarted = walSalts(file);
    await h.ok('countdownCommand', { type: 'resume' });
    expect(walSalts(file)).toBe(restarted);
  });

  it('after one made in a worker (an import’s), start the log over at the loop’s next tick, not in the next change', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = new Harness({ demo: true });
    const file = path.join(h.dataDir, DB_FILE);
    const rows = Array.from({ length: 300 }, (_, i) => `Artist ${i},Song ${i},1:30,`);
    // The import answers once its worker has synced the log and copied it back into the store.
    await h.ok('importPlans', { format: 'csv', content: `artist,song,countdown,notes\n${rows.join('\n')}\n` });
    const copiedBack = walSalts(file);

    // The tick makes it once no worker writes the store's files any more (the log's restart waits on the disk).
    await vi.waitFor(() => {
      vi.advanceTimersByTime(1_000);
      expect(walSalts(file)).not.toBe(copiedBack);
    }, { timeout: 10_000, interval: 20 });
    const restarted = walSalts(file);
    await h.ok('countdownCommand', { type: 'arm', planId: (await h.ok('listPlans', undefined))[0]!.id });
    expect(walSalts(file)).toBe(restarted);
  });

  it('say nothing of a checkpoint a quit stopped mid-way: nothing failed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    h = new Harness(); // nothing of its own is due, so the one worker is the store's below
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const dir = makeTempDir();
    const store = new Store(dir, h.clock, false);
    try {
      store.loopMayWait = () => false; // as while a backup writes: the checkpoint goes to a worker
      store.startCheckpointing();
      const insert = store.db.prepare("INSERT INTO people (name, roles, created_at) VALUES (?, '[\"dancer\"]', ?)");
      store.db.transaction(() => {
        for (let i = 0; i < CHECKPOINT_AFTER_CHANGES + 10; i++) insert.run(`Dancer ${i}`, T0);
      })();
      vi.advanceTimersByTime(1_000);
      expect(jobWorkersRunning()).toBe(1);
      store.close(); // a quit: the store closes, then its workers are stopped
      await stopJobWorkers();
      // stopJobWorkers resolves on the worker's exit, which already failed its job; the store's catch runs in this turn's microtasks.
      await new Promise((resolve) => setImmediate(resolve));
      expect(errors.mock.calls.flat().join('\n')).not.toMatch(/checkpoint failed/i);
    } finally {
      errors.mockRestore();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
