import { describe, it, expect, afterEach } from 'vitest';
import type { Db } from '../db/open';
import type { CountdownSnapshot } from '../../../shared/api';
import { Harness, T0, takeRows } from '../test-harness';

let h: Harness;
afterEach(() => h.dispose());

/** The disk refuses the take's write, as a full disk does: SQLite's own error, raised inside the commit. */
function fillDisk(db: Db): void {
  db.exec(`CREATE TEMP TRIGGER disk_full BEFORE INSERT ON main.takes BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
}

/** Gives the store room again, as freeing space on the disk would. */
function freeDisk(db: Db): void {
  db.exec('DROP TRIGGER temp.disk_full');
}

async function armAndStart(): Promise<CountdownSnapshot> {
  h = new Harness({ demo: true });
  const planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id; // 90 s
  await h.ok('countdownCommand', { type: 'arm', planId });
  return h.ok('countdownCommand', { type: 'start' });
}

describe('GO on a failing disk', () => {
  it('still announces GO at the deadline, and says loudly why the take is not saved', async () => {
    const started = await armAndStart();
    const seen: CountdownSnapshot[] = [];
    h.core.events.on('countdown', (snap) => seen.push(snap));
    fillDisk(h.db);
    expect(() => h.clock.set(started.deadline!)).not.toThrow();
    expect(seen[0]).toMatchObject({ phase: 'go', goAt: T0 + 90_000, hostNow: T0 + 90_000, takeId: null });
    expect(seen[0]!.saveFailure).toMatch(/full/i);
    expect(takeRows(h.db)).toEqual([]);
    expect(await h.ok('getCountdown', undefined)).toMatchObject({ phase: 'go', saveFailure: expect.stringMatching(/full/i) });
  });

  it('writes the take once the disk has room, dated at the true GO, exactly once', async () => {
    const started = await armAndStart();
    fillDisk(h.db);
    h.clock.set(started.deadline!);
    h.clock.advance(2_000); // retries while the disk is still full write nothing
    expect(takeRows(h.db)).toEqual([]);
    freeDisk(h.db);
    const seen: CountdownSnapshot[] = [];
    h.core.events.on('countdown', (snap) => seen.push(snap));
    h.clock.advance(1_000);
    const rows = takeRows(h.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ go_at: T0 + 90_000, outcome: 'pending', number: 1 });
    expect(seen.at(-1)).toMatchObject({ phase: 'go', takeId: rows[0]!.id, saveFailure: null });
    h.clock.advance(5_000);
    expect(takeRows(h.db)).toHaveLength(1);
    // Reopened after the save, the countdown is at GO with its take, not a second recovered one.
    h.reopen();
    expect(takeRows(h.db)).toHaveLength(1);
    expect(await h.ok('getCountdown', undefined)).toMatchObject({ phase: 'go', takeId: rows[0]!.id });
  });

  it('stays usable read-only meanwhile: reads answer, changes are refused with the reason', async () => {
    const started = await armAndStart();
    fillDisk(h.db);
    h.clock.set(started.deadline!);
    expect(await h.ok('listPlans', undefined)).not.toHaveLength(0);
    const refused = await h.refused('createPlan', { artist: { name: 'IU' }, song: 'Blueming', countdownMs: 60_000 });
    expect(refused).toMatchObject({ code: 'read_only', key: 'err.diskFailing' });
    expect(refused.message).toMatch(/full/i);
    const command = await h.refused('countdownCommand', { type: 'end' });
    expect(command).toMatchObject({ code: 'conflict', key: 'err.takeUnsaved' });
    freeDisk(h.db);
    h.clock.advance(1_000);
    expect(await h.ok('countdownCommand', { type: 'end' })).toMatchObject({ phase: 'ended' });
  });
});
