import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { translate } from '../shared/i18n/index';

// Every overlay is the one native-<dialog> component: Escape closes it and focus goes back to the
// button that opened it, whichever overlay it is.

let host: Host;

test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
});
test.afterEach(async () => host.stop());

test('Escape closes the shortcut help and focus returns to its button', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  const opener = page.getByRole('button', { name: /^Keyboard shortcuts/ });
  await opener.click();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
});

test('Escape cancels the Go now confirmation without going, and focus returns to Go now', async ({ page }) => {
  const plan = (await host.call<Plan[]>('listPlans')).value!.find((p) => p.song === 'Ave Maria')!;
  await host.call('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  const opener = page.getByRole('button', { name: /^Go now/ });
  await opener.click();
  const confirm = page.getByRole('alertdialog', { name: /Go now/ });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expect(opener).toBeFocused();
  expect((await host.call<{ phase: string }>('getCountdown')).value!.phase).toBe('standby');
});

for (const language of ['en', 'ko'] as const) {
  test(`the help dialog draws over a dimmed backdrop (${language})`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('cuelight.language', l), language);
    await page.goto(`${host.url}/?token=${TOKEN}#/console`);
    const title = translate(language, 'console.help');
    await page.getByRole('button', { name: new RegExp(`^${title}`) }).click();
    await expect(page.getByRole('dialog', { name: title })).toBeVisible();
    await page.screenshot({ path: `e2e/screenshots/dialog-help-${language}.png` });
  });
}
