import { describe, it, expect, afterEach, vi } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { StoreCheck } from './start-check';
import { DB_FILE } from './db/open';
import { interruptOpenTakes } from './repos/takes';
import { runWorker } from './workers/run-worker';
import { Harness, runToGo } from './test-harness';

// A take that was running when Cuelight stopped is shown as interrupted at the next start. The
// start-up check, which reads the file in a worker anyway, finds those takes, so the open marks
// them by id instead of reading every take on the countdown's loop (no index has them).

let h: Harness;
afterEach(async () => {
  vi.restoreAllMocks();
  await h?.dispose();
});

/** Every statement this thread prepares from now on that reads all the takes to find the open ones. */
function takeScansOnTheLoop(): () => unknown[] {
  const prepare = vi.spyOn(Database.prototype, 'prepare');
  return () => prepare.mock.calls.filter(([sql]) => /UPDATE takes SET outcome = 'interrupted' WHERE outcome/.test(String(sql)));
}

async function crashedMidTake(): Promise<{ running: number; ended: number }> {
  h = new Harness({ demo: true });
  const planId = (await h.ok('listPlans', undefined))[0]!.id;
  const ended = (await runToGo(h, planId)).takeId!;
  await h.ok('countdownCommand', { type: 'end' });
  const running = (await runToGo(h, planId)).takeId!;
  h.close(); // as a crash right after GO's commit
  return { running, ended };
}

const outcomeOf = (id: number) => h.db.prepare('SELECT outcome FROM takes WHERE id = ?').pluck().get(id);

describe('a take left running when Cuelight stopped', () => {
  it('is found by the start-up check in its worker, and marked interrupted without reading every take on the loop', async () => {
    const { running, ended } = await crashedMidTake();
    const found = await runWorker<StoreCheck>('store-check', { file: path.join(h.dataDir, DB_FILE), backups: [] });
    expect(found.openTakes).toEqual([running]);

    const scans = takeScansOnTheLoop();
    await h.openChecked();
    expect(scans()).toEqual([]);
    expect(outcomeOf(running)).toBe('interrupted');
    expect(outcomeOf(ended)).toBe('pending'); // ended, and not yet logged: nothing to resolve
  });

  it('is still found when the store opens without the check, by reading the takes', async () => {
    const { running } = await crashedMidTake();
    const scans = takeScansOnTheLoop();
    h.open();
    expect(scans()).toHaveLength(1);
    expect(outcomeOf(running)).toBe('interrupted');
  });

  it('marks only takes that are still open, whatever ids it is given', async () => {
    const { running, ended } = await crashedMidTake();
    h.open();
    h.db.prepare("UPDATE takes SET outcome = 'pending' WHERE id = ?").run(running); // open again, as before the restart
    expect(interruptOpenTakes(h.db, [ended, running, 999_999])).toBe(1);
    expect(outcomeOf(running)).toBe('interrupted');
    expect(outcomeOf(ended)).toBe('pending');
    expect(interruptOpenTakes(h.db, [])).toBe(0);
  });
});
