import type { Take } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { advance, freezeClock, T0 } from './time';

// One path through all three jobs: plan a performance, run its countdown, log the take, find it.
// Time is controlled on both sides: the host's manual clock and each page's clock move together.

let host: Host;

test.beforeEach(async () => {
  host = await startHost({ testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

test('plan, count down, GO, log the take, find it in the log', async ({ page, context }) => {
  await freezeClock(context);
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();

  // Plan: artist, song, venue, two dancers, one guest, a 10-second countdown.
  await page.getByRole('button', { name: 'New plan' }).click();
  const form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Artist').fill('Lena Park');
  await form.getByLabel('Song').fill('Dreaming (꿈에)');
  await form.getByLabel('Venue').fill('KBS Hall');
  await form.getByRole('button', { name: 'Add dancer' }).click();
  await form.getByRole('button', { name: 'Add dancer' }).click();
  await form.getByLabel('Dancers 1').fill('Kim Min-ji');
  await form.getByLabel('Dancers 2').fill('Lee Seo-jun');
  await form.getByRole('button', { name: 'Add guest performer' }).click();
  await form.getByLabel('Guest performers 1').fill('You Hee-yul');
  await form.getByLabel('Countdown (mm:ss)').fill('0:10');
  await form.getByRole('button', { name: 'Save' }).click();
  const card = page.getByRole('listitem', { name: 'Lena Park — Dreaming (꿈에)' });
  await expect(card).toContainText('KBS Hall');
  await expect(card).toContainText('Kim Min-ji, Lee Seo-jun');
  await expect(card).toContainText('You Hee-yul');
  await page.screenshot({ path: 'e2e/screenshots/plans.png' });

  // Console: open the plan, arm it; the stage display opens in a second page.
  await card.getByRole('button', { name: /Open in console/ }).click();
  await expect(page.getByRole('heading', { name: 'Console' })).toBeVisible();
  await page.getByRole('button', { name: 'Arm countdown' }).click();
  const stage = await context.newPage();
  await stage.goto(`${host.url}/stage`);
  const digits = stage.getByRole('timer');
  await expect(digits).toHaveText('0:10');
  await expect(stage.getByText('Lena Park')).toBeVisible();

  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
  await advance(host, context, 3_500);
  await expect(digits).toHaveText('0:07');
  await page.screenshot({ path: 'e2e/screenshots/console.png' });
  await stage.screenshot({ path: 'e2e/screenshots/stage-counting.png' });

  // Zero: the stage shows GO, and the take row is committed by the host at that moment.
  await advance(host, context, 6_500);
  await expect(stage.getByText('GO', { exact: true })).toBeVisible();
  await expect(digits).toHaveText('0:00');
  const takes = await host.call<Take[]>('listTakes', {});
  expect(takes.value).toHaveLength(1);
  expect(takes.value[0]).toMatchObject({ number: 1, outcome: 'pending', goAt: T0 + 10_000, artist: 'Lena Park' });
  await advance(host, context, 2_500);
  await expect(digits).toHaveText('0:02');
  await stage.screenshot({ path: 'e2e/screenshots/stage-go.png' });

  // Log the take: a mark during it, then the end, then the outcome with a note.
  const takePanel = page.getByRole('region', { name: 'Take 1' });
  await expect(takePanel).toBeVisible();
  await takePanel.getByRole('textbox', { name: 'What happened' }).fill('dancer slip');
  await takePanel.getByRole('button', { name: 'Mark' }).click();
  await expect(takePanel.getByRole('list', { name: 'Marks' })).toContainText('0:02 dancer slip');
  await page.getByRole('button', { name: 'End take' }).click();
  await takePanel.getByLabel('Note').fill('Clean vocal; slip barely visible');
  await takePanel.getByRole('button', { name: 'Succeeded' }).click();
  await expect(takePanel).toContainText('Succeeded');
  // The host answers with what it wrote; the panel keeps the rest of the take (its marks, its number).
  await expect(page.getByRole('status').filter({ hasText: 'Take 1 logged as Succeeded' })).toBeVisible();
  await expect(takePanel.getByRole('list', { name: 'Marks' })).toContainText('0:02 dancer slip');
  await page.screenshot({ path: 'e2e/screenshots/console-logged.png' });

  // The log has it, with the note and the mark.
  await page.getByRole('link', { name: 'Takes' }).click();
  const row = page.getByRole('row', { name: /Lena Park/ });
  await expect(row).toContainText('#1');
  await expect(row).toContainText('Succeeded');
  await expect(row).toContainText('Clean vocal; slip barely visible');
  await expect(row).toContainText('dancer slip');
  await page.screenshot({ path: 'e2e/screenshots/takes.png' });
});
