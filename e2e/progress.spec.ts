import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// An import big enough to take more than a moment shows how far it has got, in the screen's
// language, and the plans it brought in are listed once it is done.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true });
});
test.afterEach(async () => host.stop());

/** A season's worth of plans: enough rows that checking and saving them take a while. */
function bigCsv(rows: number): string {
  const lines = ['artist,song,countdown,shootDate'];
  for (let i = 1; i <= rows; i++) lines.push(`Artist ${i % 700},Song ${i},1:30,2027-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  return `${lines.join('\n')}\n`;
}

test('a big import shows its progress, in Korean too, then says how many plans came in', async ({ page }) => {
  const rows = 40_000;
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await page.getByLabel('기획 가져오기 (CSV 또는 JSON)').setInputFiles({ name: 'season.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(rows)) });
  const progress = page.getByRole('status').filter({ hasText: '기획' }).filter({ has: page.getByRole('progressbar') });
  await expect(progress).toBeVisible({ timeout: 20_000 });
  await expect(progress).toContainText(/행 (확인|저장)|가져오는 중/);
  await page.screenshot({ path: 'e2e/screenshots/plans-import-progress-ko.png' });
  await expect(progress).toBeHidden({ timeout: 120_000 });
  const plans = await host.call<unknown[]>('listPlans', {});
  expect(plans.value.length).toBeGreaterThanOrEqual(rows);
});

test('an import during a counting countdown says it waits for the countdown, and comes in once it is paused', async ({ page }) => {
  const rows = 5_000;
  // The demo's longest countdown (90 s), on the host's real clock: it still counts when the test pauses it.
  const plans = (await host.call<{ id: number; countdownMs: number }[]>('listPlans', {})).value;
  const planId = plans.reduce((a, b) => (b.countdownMs > a.countdownMs ? b : a)).id;
  await host.call('countdownCommand', { type: 'arm', planId });
  await host.call('countdownCommand', { type: 'start' });
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await page.getByLabel('Import plans (CSV or JSON)').setInputFiles({ name: 'season.csv', mimeType: 'text/csv', buffer: Buffer.from(bigCsv(rows)) });
  const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar') });
  await expect(progress).toContainText(`${rows.toLocaleString('en')} rows checked, saved once the countdown stops`, { timeout: 20_000 });
  await page.screenshot({ path: 'e2e/screenshots/plans-import-waiting.png' });
  expect((await host.call<unknown[]>('listPlans', {})).value.length).toBeLessThan(rows);
  await host.call('countdownCommand', { type: 'pause' });
  await expect(progress).toBeHidden({ timeout: 60_000 });
  expect((await host.call<unknown[]>('listPlans', {})).value.length).toBeGreaterThanOrEqual(rows);
});
