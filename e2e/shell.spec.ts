import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

// The browser side of the shell's promises: the host sends the one CSP, the page lives under it
// (its WebSocket included), and Open stage display opens /stage in a new tab.

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

test('the host sends the one policy, and the console works under it with no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  // 'self' must cover the host's own ws: origin (CSP Level 3), or the console would never hear the countdown.
  const socket = page.waitForEvent('websocket');
  const response = await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  const ws = await socket;
  expect(new URL(ws.url()).host).toBe(new URL(host.url).host);
  await ws.waitForEvent('framereceived');
  expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  await expect(page.getByRole('heading', { name: 'Console' })).toBeVisible();
  // Data pushed over the WebSocket reaches the page: the plan list fills from the host.
  await expect(page.getByRole('combobox', { name: /plan/i }).locator('option')).not.toHaveCount(1);
  expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').count()).toBe(0);
  expect(violations).toEqual([]);
});

test('Open stage display opens the stage page in a new tab', async ({ page, context }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  const newTab = context.waitForEvent('page');
  await page.getByRole('link', { name: 'Open stage display' }).click();
  const stage = await newTab;
  await expect(stage).toHaveURL(/#\/stage$/);
  await expect(stage.getByRole('region', { name: 'Stage', exact: true })).toBeVisible();
});
