import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { advance, freezeClock, T0 } from './time';

// The stage display follows the operator's console, and survives a reload or a host restart
// without losing a millisecond: the deadline lives in the host, in absolute time.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

/** Opens the console and a stage display, arms the demo's AKMU plan (1:30) and starts it at T0. */
async function armAndStart(page: Page, stage: Page): Promise<void> {
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await page.getByRole('combobox', { name: 'Choose a performance' }).selectOption({ label: '18:00 · AKMU — Love Lee' });
  await page.getByRole('button', { name: 'Arm countdown' }).click();
  await stage.goto(`${host.url}/stage`);
  await expect(stage.getByRole('timer')).toHaveText('1:30');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
}

test('the stage follows pause, adjust, messages and GO', async ({ page, context }) => {
  test.slow(); // 25 s of countdown in 100 ms steps, each a host call: under load, most of a minute
  await freezeClock(context);
  const stage = await context.newPage();
  await armAndStart(page, stage);
  const timer = stage.getByRole('timer');
  const face = stage.getByRole('region', { name: 'Stage' });
  await advance(host, context, 10_500);
  await expect(timer).toHaveText('1:20');
  await expect(face).toHaveAttribute('data-zone', 'normal');

  await page.keyboard.press('Space'); // pause
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await advance(host, context, 5_000);
  await expect(timer).toHaveText('1:20');
  await page.getByRole('button', { name: 'Resume' }).click();
  // The host has resumed before its clock moves on: on a busy machine the click's command can
  // otherwise reach it one clock step late, and zero falls 100 ms later than the test counts.
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
  await advance(host, context, 1_000);
  await expect(timer).toHaveText('1:19');

  await page.getByRole('button', { name: '+1 min' }).click();
  await expect(timer).toHaveText('2:19');
  await page.keyboard.press('[');
  await expect(timer).toHaveText('2:09');
  await page.getByRole('button', { name: '−1 min' }).click();
  await expect(timer).toHaveText('1:09');
  await expect(face).toHaveAttribute('data-zone', 'normal');
  await page.getByRole('button', { name: '−1 min' }).click();
  await expect(timer).toHaveText('0:09');
  await expect(face).toHaveAttribute('data-zone', 'danger');

  await page.getByRole('button', { name: 'Standby', exact: true }).click();
  await expect(stage.getByRole('status')).toHaveText('Standby');
  await stage.screenshot({ path: 'e2e/screenshots/stage-danger.png' });

  await advance(host, context, 8_000);
  await expect(timer).toHaveText('0:01');
  await advance(host, context, 1_000);
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
  await expect(face).toHaveAttribute('data-zone', 'go');
  const takes = await host.call<{ goAt: number }[]>('listTakes', {});
  // Zero fell where the stage flipped: 8.5 s after the last adjustment left 0:08.5 on the clock.
  expect(takes.value.map((t) => t.goAt)).toEqual([T0 + 10_500 + 5_000 + 1_000 + 8_500]);
});

test('a reload of the stage display mid-countdown resumes exactly', async ({ page, context }) => {
  await freezeClock(context);
  const stage = await context.newPage();
  await armAndStart(page, stage);
  await advance(host, context, 20_500);
  await expect(stage.getByRole('timer')).toHaveText('1:10');
  await stage.reload();
  await expect(stage.getByRole('timer')).toHaveText('1:10');
  await advance(host, context, 1_000);
  await expect(stage.getByRole('timer')).toHaveText('1:09');

  // Ten seconds of counting change the digits ten times without a single React render.
  const renders = () => stage.evaluate(() => performance.getEntriesByName('cuelight:stage-render').length);
  const before = await renders();
  await advance(host, context, 10_000);
  await expect(stage.getByRole('timer')).toHaveText('0:59');
  expect(await renders()).toBe(before);
});

test('a crash and restart of the host mid-countdown resumes exactly', async ({ page, context }) => {
  await freezeClock(context);
  const stage = await context.newPage();
  await armAndStart(page, stage);
  await advance(host, context, 20_500);
  await expect(stage.getByRole('timer')).toHaveText('1:10');

  await host.kill(); // SIGKILL: no chance to save anything on the way out
  // The display says it lost the host instead of counting on silently.
  await expect(stage.getByRole('alert')).toHaveText('Connection lost — last known time');
  await expect(stage.getByText('Host lost')).toBeVisible();
  await stage.screenshot({ path: 'e2e/screenshots/stage-lost.png' });
  // The restarted host's clock starts where the old one stopped: a host started at today's date
  // would find the deadline long past and commit a GO on recovery.
  host = await startHost({ dataDir: host.dataDir, port: Number(new URL(host.url).port), testClock: true, testClockAt: T0 + 20_500 });
  await advance(host, context, 3_000); // the displays reconnect on their own
  await expect(stage.getByRole('timer')).toHaveText('1:07');
  await expect(stage.getByRole('alert')).toHaveCount(0);
  await expect(stage.getByText('In sync')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
  const countdown = await host.call<{ phase: string; deadline: number }>('getCountdown');
  expect(countdown.value).toMatchObject({ phase: 'counting', deadline: T0 + 90_000 });
});

test('display options: beeps in the last five seconds and at GO, timecode after zero', async ({ page, context }) => {
  test.slow(); // 92 s of countdown moved in 100 ms steps: on a loaded machine that alone can take a minute
  await freezeClock(context);
  const stage = await context.newPage();
  // Count the tones the display asks Web Audio for (the audio itself plays for real).
  await stage.addInitScript(() => {
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const w = window as unknown as { tones: number[] };
      (w.tones ??= []).push(Date.now());
      return create.call(this);
    };
  });
  await armAndStart(page, stage);
  await stage.getByRole('button', { name: 'Display options' }).click();
  await stage.getByRole('checkbox', { name: 'Beeps in the last five seconds and at GO' }).check();
  await stage.getByRole('checkbox', { name: 'Take time and time of day as timecode' }).check();
  await stage.getByRole('combobox', { name: 'Frame rate' }).selectOption('25');
  await stage.screenshot({ path: 'e2e/screenshots/stage-options.png' });

  await advance(host, context, 84_500); // 0:06 left: no tone yet
  const tones = () => stage.evaluate(() => (window as unknown as { tones?: number[] }).tones ?? []);
  expect(await tones()).toEqual([]);
  await advance(host, context, 5_500); // through 0:05 … 0:01 to zero
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
  // One tone per boundary: five pips and GO. The page's estimate of host time may be off by up to
  // one 100 ms step (the test moves the two clocks in turn), so each tone is within a step of it.
  const heard = (await tones()).map((t) => t - T0);
  const boundaries = [85_000, 86_000, 87_000, 88_000, 89_000, 90_000];
  expect(heard).toHaveLength(boundaries.length);
  heard.forEach((t, i) => expect(Math.abs(boundaries[i]! - t)).toBeLessThanOrEqual(100));

  // 1.5 s into the take at 25 fps: second 1, frame 12 give or take the offset estimate's step.
  await advance(host, context, 1_500);
  await expect(stage.getByRole('timer')).toHaveText(/^00:00:01:(0[89]|1\d)$/);
  await stage.screenshot({ path: 'e2e/screenshots/stage-timecode.png' });
});
