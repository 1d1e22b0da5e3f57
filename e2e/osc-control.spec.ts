import type dgram from 'node:dgram';
import { encode, Message } from 'node-osc';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { freezeClock } from './time';
import { boundUdp, freeUdpPort } from './show-control/stand-ins.mjs';

// OSC control in, from the operator's side: turned on in Settings, then a real OSC packet over
// loopback drives the countdown the console shows; a sender not on the allow-list is ignored.

let host: Host;
const sockets: dgram.Socket[] = [];
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
});
test.afterEach(async () => {
  for (const s of sockets.splice(0)) s.close();
  await host.stop();
});

const udp = (address = '127.0.0.1', port = 0) => boundUdp(sockets, port, address);

const send = (from: dgram.Socket, port: number, address: string, ...args: (string | number)[]) =>
  from.send(Buffer.from(encode(new Message(address, ...args))), port, '127.0.0.1');

const phase = async () => (await host.call<{ phase: string }>('getCountdown', {})).value.phase;

test('OSC control is turned on in Settings and a packet over loopback runs the countdown; a stranger is ignored', async ({ page, context }) => {
  await freezeClock(context);
  const planId = (await host.call<{ id: number; song: string }[]>('listPlans', {})).value.find((p) => p.song === 'Love Lee')!.id;
  const port = await freeUdpPort();

  await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
  const panel = page.getByRole('region', { name: 'OSC control in' });
  await expect(panel.getByRole('status')).toHaveText('Off: nothing listens for OSC.');
  await panel.getByRole('checkbox', { name: 'Take countdown commands over OSC' }).check();
  await panel.getByRole('spinbutton', { name: 'UDP port' }).fill(String(port));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Listening on udp://127.0.0.1:${port}`);
  await page.screenshot({ path: 'e2e/screenshots/settings-osc-control.png', fullPage: true });

  // The console's own rules: arm, then start, from the desk on this machine.
  const desk = await udp();
  send(desk, port, '/cuelight/arm', planId);
  await expect.poll(phase).toBe('standby');
  send(desk, port, '/cuelight/start');
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();

  // Loopback too, but not on the allow-list: its pause changes nothing.
  const stranger = await udp('127.0.0.2');
  send(stranger, port, '/cuelight/pause');
  await new Promise((r) => setTimeout(r, 300)); // what arrives is handled at once; this only lets a wrong answer show
  expect(await phase()).toBe('counting');
  send(desk, port, '/cuelight/pause');
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
});

test('a busy port is said with what to do, in both languages', async ({ page }) => {
  const holder = await udp();
  const port = holder.address().port;
  await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
  const panel = page.getByRole('region', { name: 'OSC control in' });
  await panel.getByRole('checkbox', { name: 'Take countdown commands over OSC' }).check();
  await panel.getByRole('spinbutton', { name: 'UDP port' }).fill(String(port));
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('status')).toHaveText(`Port ${port} is in use by another program (or another Cuelight). Pick another port and save, or quit the program that holds it.`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const ko = page.getByRole('region', { name: 'OSC 제어 입력' });
  await expect(ko.getByRole('status')).toContainText(`${port}번 포트를 다른 프로그램`);
  await ko.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'e2e/screenshots/settings-osc-busy-ko.png', fullPage: true });
});
