import { describe, it, expect, afterEach } from 'vitest';
import type { Events } from '../../../shared/api';
import type { ImportResult } from '../../../shared/contract/plans';
import { Harness, takeRows } from '../test-harness';

// A big import meets a live countdown: commands are answered at once, GO commits on time, and the
// import still commits whole (or, as a dry run, not at all). An import that would be kept waits
// while a countdown counts and is written once it stops: its commit cannot be sliced.

let h: Harness;
afterEach(() => h.dispose());

const ROWS = 12_000;
/** A file big enough that writing it spans many slices of the loop. */
function bigCsv(rows = ROWS, bad = false): string {
  const lines = ['artist,song,countdown,dancers'];
  for (let i = 1; i <= rows; i++) lines.push(`Artist ${i % 500},Song ${i},1:30,Dancer ${i % 300}|Dancer ${(i + 1) % 300}`);
  if (bad) lines.push('Artist 1,,9:99,');
  return `${lines.join('\n')}\n`;
}

async function liveCountdown(): Promise<number> {
  h = new Harness({ demo: true });
  const planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id; // 90 s
  await h.ok('countdownCommand', { type: 'arm', planId });
  const started = await h.ok('countdownCommand', { type: 'start' });
  return started.deadline!;
}

/** Resolves at the first progress report of the import's step: mid-write, or a dry run mid-check. */
function reaches(step: Events['progress']['step']): Promise<Events['progress']> {
  return new Promise((resolve) => {
    const off = h.core.events.on('progress', (p) => {
      if (p.job === 'importPlans' && p.step === step) {
        off();
        resolve(p);
      }
    });
  });
}

const planCount = () => h.db.prepare('SELECT count(*) FROM plans').pluck().get() as number;

/** A countdown armed on a plan (standby), not started: nothing counts, so an import may write. */
async function armed(): Promise<number> {
  h = new Harness({ demo: true });
  const planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
  await h.ok('countdownCommand', { type: 'arm', planId });
  return planId;
}

describe('an import during a live countdown', () => {
  it('waits while the countdown counts, saying so; commands are answered at once; a pause lets it commit whole', async () => {
    await liveCountdown();
    const before = planCount();
    let finished = false;
    const waiting = reaches('waiting');
    const importing = h.ok('importPlans', { format: 'csv', content: bigCsv() }).then((r) => ((finished = true), r));
    expect(await waiting).toMatchObject({ done: 0, total: ROWS });
    const adjusted = await h.ok('countdownCommand', { type: 'adjust', deltaMs: 1_000 });
    expect(adjusted.phase).toBe('counting');
    expect(planCount()).toBe(before); // nothing written while the countdown counts
    const writing = reaches('writing');
    expect((await h.ok('countdownCommand', { type: 'pause' })).phase).toBe('paused');
    await writing;
    expect(finished).toBe(false); // answered before the import, not queued behind it
    const result: ImportResult = await importing;
    expect(result).toMatchObject({ imported: ROWS, valid: ROWS, errors: [] });
    expect(planCount()).toBe(before + ROWS);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('paused');
  });

  it('commits GO and its take at the deadline while the import waits; the import then lands whole, once', async () => {
    const deadline = await liveCountdown();
    const before = planCount();
    const waiting = reaches('waiting');
    const importing = h.ok('importPlans', { format: 'csv', content: bigCsv() });
    await waiting;
    h.clock.set(deadline);
    expect(takeRows(h.db)).toHaveLength(1); // committed by the timer itself, not after the import
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
    expect((await importing).imported).toBe(ROWS);
    expect(planCount()).toBe(before + ROWS);
    expect(takeRows(h.db)).toHaveLength(1);
  });

  it('gives way mid-write to a command while nothing counts, stops at a countdown started meanwhile, and lands whole after GO', async () => {
    const planId = await armed();
    const before = planCount();
    const importing = h.ok('importPlans', { format: 'csv', content: bigCsv() });
    await reaches('writing');
    // Re-arming writes: the import's transaction is rolled back at once and the command answered.
    expect((await h.ok('countdownCommand', { type: 'arm', planId })).phase).toBe('standby');
    const waiting = reaches('waiting');
    const started = await h.ok('countdownCommand', { type: 'start' });
    await waiting;
    expect(planCount()).toBe(before);
    h.clock.set(started.deadline!);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
    expect((await importing).imported).toBe(ROWS);
    expect(planCount()).toBe(before + ROWS);
  });

  it('keeps nothing of a dry run or of a file with a bad row, and reports the bad row by line and column', async () => {
    await liveCountdown();
    const before = planCount();
    let dryDone = false;
    const dry = h.ok('importPlans', { format: 'csv', content: bigCsv(), dryRun: true }).then((r) => ((dryDone = true), r));
    await reaches('checking');
    expect((await h.ok('countdownCommand', { type: 'pause' })).phase).toBe('paused');
    expect(dryDone).toBe(false);
    expect(await dry).toMatchObject({ imported: 0, valid: ROWS, errors: [] });
    const bad = await h.ok('importPlans', { format: 'csv', content: bigCsv(ROWS, true) });
    expect(bad.imported).toBe(0);
    expect(bad.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [ROWS + 2, 'song', 'required'],
      [ROWS + 2, 'countdown', 'duration'],
    ]);
    expect(planCount()).toBe(before);
  });
});
