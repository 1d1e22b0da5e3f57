import { test, expect } from '@playwright/test';
import { startHost, TOKEN } from './host';
import { runCrashRounds } from './crash/workload.mjs';

// Crash safety, proven: the headless host is SIGKILLed at random moments while plans, countdowns,
// takes, marks and outcomes stream in; every acknowledged change must survive. No browser needed.
const KILLS = Number(process.env.CRASH_KILLS ?? 60);

test('survives SIGKILL at random moments: nothing acknowledged lost or doubled, running takes interrupted', async () => {
  test.setTimeout(180_000);
  const tally = await runCrashRounds({
    kills: KILLS,
    token: TOKEN,
    start: (dataDir, { demo }) => startHost({ dataDir, demo }),
    ...(process.env.CRASH_SEED ? { seed: Number(process.env.CRASH_SEED) } : {}),
  });
  console.log(`crash drill (seed ${tally.seed}): ${JSON.stringify({ ...tally, problems: tally.problems.length })}`);
  expect(tally.problems, `replay with CRASH_SEED=${tally.seed}`).toEqual([]);
  expect(tally).toMatchObject({ kills: KILLS, lost: 0, duplicated: 0, integrityFailures: 0, notInterrupted: 0, badBackups: 0 });
  // The drill must have done real work: changes on the wire at most kills, takes left running.
  expect(tally.acknowledged).toBeGreaterThan(KILLS * 5);
  expect(tally.midRequest).toBeGreaterThan(KILLS / 2);
  expect(tally.interruptedChecked).toBeGreaterThan(0);
});
