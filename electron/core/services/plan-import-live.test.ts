import { describe, it, expect, afterEach } from 'vitest';
import type { Events } from '../../../shared/api';
import type { ImportResult } from '../../../shared/contract/plans';
import { Harness, takeRows } from '../test-harness';

// A big import runs while the countdown is live: commands are answered at once, GO commits on
// time, and the import still commits whole (or, as a dry run, not at all).

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

describe('an import during a live countdown', () => {
  it('answers a countdown command at once, then still commits the whole file', async () => {
    await liveCountdown();
    const before = planCount();
    let finished = false;
    const importing = h.ok('importPlans', { format: 'csv', content: bigCsv() }).then((r) => ((finished = true), r));
    const mid = await reaches('writing');
    expect(mid.total).toBe(ROWS);
    const paused = await h.ok('countdownCommand', { type: 'pause' });
    expect(paused.phase).toBe('paused');
    expect(finished).toBe(false); // answered before the import, not queued behind it
    const result: ImportResult = await importing;
    expect(result).toMatchObject({ imported: ROWS, valid: ROWS, errors: [] });
    expect(planCount()).toBe(before + ROWS);
    expect((await h.ok('getCountdown', undefined)).phase).toBe('paused');
  });

  it('commits GO and its take at the deadline mid-import; the import still lands whole, once', async () => {
    const deadline = await liveCountdown();
    const before = planCount();
    const importing = h.ok('importPlans', { format: 'csv', content: bigCsv() });
    await reaches('writing');
    h.clock.set(deadline);
    expect(takeRows(h.db)).toHaveLength(1); // committed by the timer itself, not after the import
    expect((await h.ok('getCountdown', undefined)).phase).toBe('go');
    expect((await importing).imported).toBe(ROWS);
    expect(planCount()).toBe(before + ROWS);
    expect(takeRows(h.db)).toHaveLength(1);
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
