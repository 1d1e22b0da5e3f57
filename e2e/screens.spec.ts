import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// Every screen in both languages: strings switch and are remembered, and every control has a name.

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

const SCREENS = ['plans', 'console', 'network', 'takes', 'stage'] as const;

test('the language switch turns every screen Korean and is remembered', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '기획' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByRole('heading', { name: '기획' })).toBeVisible();
  await expect(page.getByRole('link', { name: '콘솔' })).toBeVisible();
  await expect(page.getByText('조수미')).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/plans-ko.png' });
  await page.getByRole('link', { name: '콘솔' }).click();
  await expect(page.getByRole('heading', { name: '콘솔' })).toBeVisible();
  await expect(page.getByRole('button', { name: '카운트다운 준비' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/console-ko.png' });
  await page.getByRole('link', { name: '테이크' }).click();
  await expect(page.getByRole('heading', { name: '테이크 기록' })).toBeVisible();
});

for (const screen of SCREENS) {
  test(`every control on ${screen} has a role and an accessible name`, async ({ page }) => {
    await page.goto(`${host.url}/?token=${TOKEN}#/${screen}`);
    await page.waitForLoadState('networkidle');
    if (screen === 'plans') await page.getByRole('button', { name: 'New plan' }).click();
    const unnamed = await page.evaluate(() => {
      const nameOf = (el: Element): string => {
        const labelled = el.getAttribute('aria-labelledby');
        if (labelled) return labelled.split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' ').trim();
        const aria = el.getAttribute('aria-label');
        if (aria) return aria.trim();
        if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) {
          return [...(el.labels ?? [])].map((l) => l.textContent ?? '').join(' ').trim();
        }
        return (el.textContent ?? '').trim();
      };
      return [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')]
        .filter((el) => nameOf(el) === '')
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(unnamed).toEqual([]);
  });
}
