import type { Browser, Page } from '@playwright/test';
import WebSocket from 'ws';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// The set network from the console: displays on their own devices (separate browser contexts,
// as separate tablets would be) join, are named, renamed and identified.

let host: Host;
test.afterEach(async () => host?.stop());

/** A display on its own device: a fresh context, so its own localStorage and its own device id. */
async function display(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  return page;
}

async function nameDisplay(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Display options' }).click();
  await page.getByRole('textbox', { name: 'This display’s name' }).fill(name);
  await page.getByRole('button', { name: 'Display options' }).click();
}

test('displays join the list with their role and sync, are renamed and identified', async ({ page, browser }) => {
  host = await startHost({ demo: true });
  const stage = await display(browser, `${host.url}/stage`);
  const wing = await display(browser, `${host.url}/stage?role=wing`);
  await nameDisplay(stage, 'Main stage');
  await nameDisplay(wing, 'Wing left');

  await page.goto(`${host.url}/?token=${TOKEN}#/network`);
  const rows = page.getByRole('row');
  const wingRow = rows.filter({ hasText: 'Wing left' });
  await expect(wingRow).toContainText('Wing');
  await expect(wingRow).toContainText('127.0.0.1');
  await expect(wingRow).toContainText('In sync');
  await expect(rows.filter({ hasText: 'Main stage' })).toContainText('Stage');

  await wingRow.getByRole('button', { name: 'Rename: Wing left' }).click();
  await page.getByRole('textbox', { name: 'New name for Wing left' }).fill('윙 왼쪽');
  await page.getByRole('button', { name: 'Save' }).click();
  const renamed = rows.filter({ hasText: '윙 왼쪽' });
  await expect(renamed).toBeVisible();

  await renamed.getByRole('button', { name: 'Identify: 윙 왼쪽' }).click();
  await expect(wing.getByRole('alert', { name: 'This screen' })).toContainText('윙 왼쪽');
  await expect(stage.getByRole('alert', { name: 'This screen' })).toHaveCount(0);

  // The operator's name is remembered per device across a reload of the display.
  await wing.reload();
  await expect(rows.filter({ hasText: '윙 왼쪽' })).toContainText('In sync');
  await wing.context().close();
  await expect(rows.filter({ hasText: '윙 왼쪽' })).toContainText('disconnected');
  await stage.context().close();
});

test('a display survives a host restart: it joins again by itself and keeps the operator’s name', async ({ page, browser }) => {
  host = await startHost({ demo: true });
  const port = Number(new URL(host.url).port);
  const stage = await display(browser, `${host.url}/stage?role=front-of-house`);
  await page.goto(`${host.url}/?token=${TOKEN}#/network`);
  const row = page.getByRole('row').filter({ hasText: 'Front of house' });
  await row.getByRole('button', { name: /^Rename/ }).click();
  await page.getByRole('textbox', { name: /^New name for/ }).fill('FOH monitor');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'FOH monitor' })).toContainText('In sync');

  await host.stop();
  await expect(stage.getByRole('region', { name: 'Stage' })).toHaveAttribute('data-link', 'lost');
  await expect(stage.getByText('Host lost')).toBeVisible();
  host = await startHost({ dataDir: host.dataDir, port });
  await expect(stage.getByRole('region', { name: 'Stage' })).toHaveAttribute('data-link', 'in-sync', { timeout: 10_000 });
  await page.reload();
  await expect(page.getByRole('row').filter({ hasText: 'FOH monitor' })).toContainText('In sync');
  await stage.context().close();
});

test('the set network screen in both languages', async ({ page, browser }) => {
  host = await startHost({ demo: true });
  const wing = await display(browser, `${host.url}/stage?role=wing`);
  await nameDisplay(wing, 'Wing left');
  const stage = await display(browser, `${host.url}/stage`);
  await nameDisplay(stage, '메인 무대');
  await page.setViewportSize({ width: 1400, height: 1000 });
  await page.goto(`${host.url}/?token=${TOKEN}#/network`);
  await expect(page.getByRole('row').filter({ hasText: 'Wing left' })).toContainText('In sync');
  await expect(page.getByRole('img', { name: 'Code for Stage display link' })).toBeVisible();
  await expect(page.getByRole('img', { name: 'Code for Link for Camera' })).toBeVisible();
  await page.screenshot({ path: 'test-results/set-network-en.png', fullPage: true });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '세트 네트워크' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Wing left' })).toContainText('윙');
  await page.screenshot({ path: 'test-results/set-network-ko.png', fullPage: true });
  await wing.context().close();
  await stage.context().close();
});

test('a hostile client flooding hellos is listed a bounded number of times and the host keeps answering', async () => {
  host = await startHost({ demo: true });
  const sockets = await Promise.all(
    Array.from({ length: 40 }, () => new Promise<WebSocket>((resolve) => {
      const socket = new WebSocket(`${host.url.replace('http', 'ws')}/ws`);
      socket.on('open', () => resolve(socket));
    })),
  );
  sockets.forEach((socket, s) => {
    for (let i = 0; i < 200; i++) socket.send(JSON.stringify({ type: 'hello', deviceId: `flood-${s}-${i}-device`, name: 'x'.repeat(i % 2 ? 10 : 5000), role: 'stage' }));
  });
  const pong = await new Promise<unknown>((resolve) => {
    sockets[0]!.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { type: string };
      if (frame.type === 'pong') resolve(frame);
    });
    sockets[0]!.send(JSON.stringify({ type: 'ping', t0: 1 }));
  });
  expect(pong).toMatchObject({ type: 'pong', t0: 1 });
  const listed = (await host.call<unknown[]>('listDevices')).value;
  expect(listed.length).toBe(16); // one address's share of the list, however many sockets and frames
  sockets.forEach((socket) => socket.close());
});
