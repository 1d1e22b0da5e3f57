import type { BrowserContext, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { advance, freezeClock, T0 } from './time';

// What the stage shows when nothing is running and at GO, read from across a room: idle
// announces what is next, GO turns the whole screen green with the word filling it.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ testClock: true, testClockAt: T0 });
  // One performance the day after T0, then one already shot: only the first is "next".
  const created = await host.call('createPlan', { artist: { name: 'Lena Park' }, song: '꿈에', shootDate: '2026-11-27', callTime: '18:30', countdownMs: 10_000 });
  await host.call('createPlan', { artist: { name: 'Old Band' }, song: 'Done already', shootDate: '2026-11-27', callTime: '08:00', status: 'shot' });
  expect(created.ok).toBe(true);
});
test.afterEach(async () => host.stop());

/** A stage page in `language` at a given size, its clock frozen at T0. */
async function openStage(context: BrowserContext, language: 'en' | 'ko', size: { width: number; height: number }): Promise<Page> {
  await freezeClock(context);
  await context.addInitScript((lang) => location.protocol === 'http:' && localStorage.setItem('cuelight.language', lang), language);
  const stage = await context.newPage();
  await stage.setViewportSize(size);
  await stage.goto(`${host.url}/stage`);
  await advance(host, context, 1_000); // the first pings (page timers run only when the test moves time)
  return stage;
}

/** Colour contrast violations on the page as it is now (GO's pulse finished first). */
async function contrastViolations(page: Page): Promise<string[]> {
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  // axe waits on page timers, and this page's clock is paused: run it a millisecond at a time
  // (legacy mode: no blank helper page of its own, which the clock would also have to run),
  // then move the host's clock as far, so the two clocks still agree.
  let done = false;
  let ran = 0;
  const analysis = new AxeBuilder({ page }).withRules(['color-contrast']).setLegacyMode(true).analyze().finally(() => (done = true));
  for (; !done; ran++) await page.clock.runFor(1);
  await host.clock({ advance: ran });
  const result = await analysis;
  return result.violations.flatMap((v) => v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`));
}

/** The rendered font size of an element, px. */
const fontSize = (page: Page, selector: string) => page.locator(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

test('idle shows what is next, GO fills the screen, then the take time takes over', async ({ page, context }) => {
  const stage = await openStage(context, 'en', { width: 1920, height: 1080 });
  const face = stage.getByRole('region', { name: 'Stage' });
  await expect(face.getByText('Next', { exact: true })).toBeVisible();
  await expect(face.getByText('Lena Park')).toBeVisible();
  await expect(face.getByText('꿈에')).toBeVisible();
  await expect(face.getByText(/^Call .*18:30$/)).toBeVisible();
  await expect(face.getByText('Done already')).toHaveCount(0);
  await expect(stage.getByRole('timer')).toBeHidden(); // no dead zero
  await expect(face.getByText('In sync')).toBeVisible();
  await stage.screenshot({ path: 'e2e/screenshots/stage-idle-1920.png' });
  expect(await contrastViolations(stage)).toEqual([]);

  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await page.getByRole('combobox', { name: 'Choose a performance' }).selectOption({ label: '18:30 · Lena Park — 꿈에' });
  await page.getByRole('button', { name: 'Arm countdown' }).click();
  await expect(stage.getByRole('timer')).toHaveText('0:10');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible(); // the host has it
  await advance(host, context, 10_000);

  // GO: a full-screen change to bright green, the word the largest thing on screen.
  await expect(face).toHaveAttribute('data-go', 'fresh');
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
  const green = await face.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(green).toBe('rgb(31, 191, 90)');
  expect(await fontSize(stage, '.stage-go')).toBeGreaterThan(2 * (await fontSize(stage, '.stage-digits')));
  expect((await stage.locator('.stage-go').boundingBox())!.height).toBeGreaterThan(1080 * 0.4);
  await stage.screenshot({ path: 'e2e/screenshots/stage-go-1920.png' });
  expect(await contrastViolations(stage)).toEqual([]);

  // A few seconds in, the take time is the largest thing.
  await advance(host, context, 5_500); // a flip waits out the clock estimate's uncertainty: never early
  await expect(face).toHaveAttribute('data-go', 'on');
  await expect(stage.getByRole('timer')).toHaveText('0:05');
  expect(await fontSize(stage, '.stage-digits')).toBeGreaterThan(2 * (await fontSize(stage, '.stage-go')));
  await stage.screenshot({ path: 'e2e/screenshots/stage-take-1920.png' });
  expect(await contrastViolations(stage)).toEqual([]);

  // The end of the take, then a reset: back to what is next (still this one: not marked shot).
  await page.getByRole('button', { name: 'End take' }).click();
  await expect(face.getByText('Take ended')).toBeVisible();
  await expect(stage.getByText('GO', { exact: true })).toHaveCount(0);
  expect(await contrastViolations(stage)).toEqual([]);
  await host.call('countdownCommand', { type: 'reset' });
  await expect(face.getByText('Next', { exact: true })).toBeVisible();
  await expect(face).not.toHaveAttribute('data-go', /.*/);
  await expect(stage.getByRole('timer')).toBeHidden();
});

for (const [language, size] of [
  ['ko', { width: 1920, height: 1080 }],
  ['ko', { width: 1280, height: 720 }],
  ['en', { width: 1280, height: 720 }],
] as const) {
  test(`the idle and GO faces fit at ${size.width}x${size.height} in ${language === 'ko' ? 'Korean' : 'English'}`, async ({ context }) => {
    const stage = await openStage(context, language, size);
    const face = stage.getByRole('region', { name: language === 'ko' ? '무대' : 'Stage' });
    await expect(face.getByText(language === 'ko' ? '다음 순서' : 'Next', { exact: true })).toBeVisible();
    await stage.screenshot({ path: `e2e/screenshots/stage-idle-${size.width}-${language}.png` });
    const plan = (await host.call<{ id: number }[]>('listPlans')).value[0]!;
    await host.call('countdownCommand', { type: 'arm', planId: plan.id });
    await host.call('countdownCommand', { type: 'start' });
    await advance(host, context, 10_000);
    await expect(face).toHaveAttribute('data-go', 'fresh');
    await stage.locator('.stage-go').evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished))); // GO's pulse
    // Nothing spills off the screen, and the title, the word and the time do not overlap.
    const boxes = [];
    for (const selector of ['.stage-title', '.stage-go', '.stage-digits']) {
      const box = (await stage.locator(selector).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
      expect(box.y + box.height).toBeLessThanOrEqual(size.height);
      boxes.push(box);
    }
    expect(boxes[0]!.y + boxes[0]!.height).toBeLessThanOrEqual(boxes[1]!.y);
    expect(boxes[1]!.y + boxes[1]!.height).toBeLessThanOrEqual(boxes[2]!.y);
    await stage.screenshot({ path: `e2e/screenshots/stage-go-${size.width}-${language}.png` });
  });
}
