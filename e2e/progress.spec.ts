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
