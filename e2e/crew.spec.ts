import type { Page } from '@playwright/test';
import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { T0 } from './time';

// What the crew sees right after GO and while logging: who logged a take, its summary while it is
// pending, counts worded by plural rules, toasts in the screen's language, the shortcut help.

let host: Host;

async function ok<T>(method: string, input?: unknown): Promise<T> {
  const reply = await host.call<T>(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
  return reply.value;
}

/** Arms Ave Maria and passes zero on the host's clock: one take, pending. Returns its id. */
async function go(): Promise<number> {
  const plan = (await ok<Plan[]>('listPlans')).find((p) => p.song === 'Ave Maria')!;
  await ok('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
  const started = await ok<{ deadline: number }>('countdownCommand', { type: 'start' });
  await host.clock({ set: started.deadline + 500 });
  return (await ok<{ takeId: number }>('getCountdown')).takeId;
}

const colour = (page: Page, selector: string, property: 'color' | 'fill') =>
  page.locator(selector).first().evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

test('right after GO the summary counts the take as pending, not as a failure, and draws it in a neutral colour', async ({ page }) => {
  await go();
  await page.goto(`${host.url}/?token=${TOKEN}#/takes`);
  await expect(page.getByRole('status').filter({ hasText: 'take' })).toHaveText('1 take');
  const lead = page.locator('.summary-stat--lead');
  await expect(lead).toContainText('—');
  await expect(lead).toContainText('0 of 0 performances');
  await expect(lead).toContainText('1 pending');
  await expect(lead).not.toContainText('0%');
  const success = await colour(page, '.chart-bar--succeeded', 'fill');
  const failure = await colour(page, '.chart-bar--failed', 'fill');
  // The pending take, in the table, the lead figure and the outcome chart: neither green nor red.
  const drawn = [
    await colour(page, '.take-row .outcome--pending', 'color'),
    await colour(page, '.summary-stat--lead strong', 'color'),
    await colour(page, '.chart-bar--pending', 'fill'),
  ];
  for (const c of drawn) expect([success, failure]).not.toContain(c);
  await expect(page.getByRole('figure').filter({ hasText: 'by artist' })).toContainText('Sumi Jo: 1 pending');
  await page.screenshot({ path: 'e2e/screenshots/takes-pending.png', fullPage: true });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.locator('.summary-stat--lead')).toContainText('대기 중 1개');
  await page.screenshot({ path: 'e2e/screenshots/takes-pending-ko.png', fullPage: true });
});

test('the crew name set in Settings after GO is who logged the outcome, in the detail and the CSV', async ({ page }) => {
  const takeId = await go(); // nobody named in Settings at GO
  await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
  await page.getByRole('textbox', { name: 'Your name (logged with each take)' }).fill('김지호');
  await page.getByRole('form', { name: /^Your name/ }).getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await page.getByRole('link', { name: 'Console' }).click();
  await page.getByRole('button', { name: /^Succeeded/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'logged as Succeeded' })).toBeVisible();
  await page.getByRole('link', { name: 'Takes' }).click();
  await page.getByRole('button', { name: /^Open take #1 — Sumi Jo/ }).click();
  const times = page.getByRole('dialog').getByRole('region', { name: 'Times' });
  await expect(times.locator('div').filter({ hasText: 'Logged by' }).locator('dd')).toHaveText('김지호');
  await expect(page.getByRole('dialog').getByRole('region', { name: 'Outcome history' })).toContainText('김지호: Pending → Succeeded');
  const csv = await ok<{ content: string }>('exportTakes', { format: 'csv', utcOffsetMinutes: 0 });
  const [header, row] = csv.content.slice(1).trim().split('\r\n').map((l) => l.split(','));
  expect(row![header!.indexOf('logged_by')]).toBe('김지호');
  expect(takeId).toBeGreaterThan(0);
});

test('counts read "1 take", "1 performance"; a toast follows a switch of language while it shows', async ({ page }) => {
  await go();
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('listitem', { name: /Ave Maria/ })).toContainText('1 take');
  await expect(page.getByRole('listitem', { name: /Ave Maria/ })).not.toContainText('1 takes');
  await page.getByRole('link', { name: 'Takes' }).click();
  await expect(page.locator('.summary-stat').filter({ hasText: 'more than one take' })).toContainText('of 0 performances');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const toast = page.locator('.toast');
  await expect(toast).toHaveText(/^Exported 1 take to cuelight-takes-.*\.csv$/);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(toast).toHaveText(/^테이크 1개를 cuelight-takes-.*\.csv 파일로 내보냈습니다$/);
  await page.screenshot({ path: 'e2e/screenshots/takes-toast-ko.png' });
});

test('the shortcut help lists each key once, from the command registry', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await page.getByRole('button', { name: /^Keyboard shortcuts/ }).click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const keys = await help.locator('kbd').allTextContents();
  expect(keys).toContain('M');
  expect(keys.length).toBe(new Set(keys).size);
  await expect(help.locator('dd')).toHaveText(['Arm countdown', 'Start / Pause', '+10 s', '−10 s', '+1 min', '−1 min', 'Go now', 'End take', 'Restart', 'Reset', 'Mark', 'Succeeded', 'Failed', 'Keyboard shortcuts']);
});
