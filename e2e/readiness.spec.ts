import { test, expect } from './fixtures';
import { openDevice } from './devices';
import { startHost, TOKEN, type Host } from './host';
import { T0 } from './time';
import WebSocket from 'ws';

// Go / no-go across devices: a stage display and a wing display, two department phones, each in
// its own browser context (its own device). The count holds itself at T-10 s for a department
// that is not ready, every screen says whom it waits for, and only the operator resumes it.

let host: Host;
const SMALL = { width: 900, height: 600 };
test.afterEach(async () => host?.stop());

test('a department not ready holds the count at T-10 s on every screen until the operator resumes', async ({ page, browser }) => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
  const links = new Map((await host.call<{ name: string; token: string }[]>('listDepartmentLinks')).value.map((l) => [l.name, l.token]));
  for (const name of ['Lighting', 'Stage', 'Artist care']) await host.call('setMyReadiness', { token: links.get(name), ready: true });

  const stage = await openDevice(browser, `${host.url}/stage`, SMALL);
  const wing = await openDevice(browser, `${host.url}/stage?role=wing`, SMALL);
  const camera = await openDevice(browser, `${host.url}/ready#${links.get('Camera')}`, SMALL);
  const sound = await openDevice(browser, `${host.url}/ready#${links.get('Sound')}`, { ...SMALL, language: 'ko' });

  // The camera phone says ready with its one big toggle; sound stays not ready.
  await expect(camera.getByRole('heading', { name: 'Readiness: Camera' })).toBeVisible();
  const cameraToggle = camera.getByRole('button', { name: 'Not ready' });
  await cameraToggle.click();
  await expect(camera.getByRole('button', { name: 'Ready' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sound.getByRole('button', { name: '준비 안 됨' })).toHaveAttribute('aria-pressed', 'false');

  await page.goto(`${host.url}/?token=${TOKEN}#/network`);
  const autoHold = page.getByRole('checkbox', { name: 'Hold the countdown if anyone is not ready' });
  await autoHold.click();
  await expect(autoHold).toBeChecked();
  await expect(page.getByRole('spinbutton', { name: 'Hold at (seconds before zero)' })).toHaveValue('10');
  // The phones are on the list as their departments, beside the two displays.
  for (const name of ['Camera', 'Sound']) await expect(page.getByRole('row').filter({ hasText: name })).toContainText('Department');
  await expect(page.getByRole('row').filter({ hasText: 'Wing' })).toContainText('In sync');
  const plans = (await host.call<{ id: number; song: string }[]>('listPlans')).value;
  await host.call('countdownCommand', { type: 'arm', planId: plans.find((p) => p.song === 'Love Lee')!.id });
  await host.call('countdownCommand', { type: 'start' });
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();

  await host.clock({ advance: 80_000 }); // 1:30 armed: T-10 s
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  for (const screen of [stage, wing, camera]) await expect(screen.getByRole('alert')).toHaveText('Hold — waiting for Sound');
  await expect(sound.getByRole('alert')).toHaveText('대기 — Sound 기다리는 중');
  await expect(page.getByRole('alert').filter({ hasText: 'Hold — waiting for Sound' })).toBeVisible();
  await stage.screenshot({ path: 'test-results/readiness-stage-hold.png' });
  await sound.screenshot({ path: 'test-results/readiness-phone-hold-ko.png' });

  // Sound gets ready: the count still waits for the operator.
  await sound.getByRole('button', { name: '준비 안 됨' }).click();
  await expect(stage.getByRole('alert')).toHaveText('Hold — everyone is ready: waiting for the operator');
  await host.clock({ advance: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await page.screenshot({ path: 'test-results/readiness-console-hold.png', fullPage: true });

  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
  for (const screen of [stage, wing, camera, sound]) await expect(screen.getByRole('alert')).toHaveCount(0);

  await host.clock({ advance: 10_001 });
  await expect(page.getByRole('status').filter({ hasText: 'GO' })).toBeVisible();
  const takeId = (await host.call<{ takeId: number }>('getCountdown')).value.takeId;
  const log = (await host.call<{ kind: string; departments: string }[]>('getTakeReadiness', { takeId })).value;
  expect(log.map((e) => `${e.kind}:${e.departments}`)).toEqual(['start:Sound', 'hold:Sound', 'ready:Sound', 'release:']);

  // The take's detail says who was ready when, and the hold.
  await host.call('countdownCommand', { type: 'end' });
  await page.goto(`${host.url}/?token=${TOKEN}#/takes`);
  await page.getByRole('button', { name: /^Open take #1 .*AKMU/ }).click();
  const readiness = page.getByRole('dialog').getByRole('region', { name: 'Readiness' });
  await expect(readiness.getByRole('listitem')).toHaveText([/Started with Sound not ready/, /Held for Sound/, /Sound ready/, /Resumed by the operator/]);
  await page.getByRole('dialog').screenshot({ path: 'test-results/readiness-take-detail.png' });
  for (const p of [stage, wing, camera, sound]) await p.context().close();
});

test('a rotated department link stops working at once', async ({ browser }) => {
  host = await startHost({ demo: true });
  const camera = (await host.call<{ id: number; token: string }[]>('listDepartmentLinks')).value[0]!;
  const phone = await openDevice(browser, `${host.url}/ready#${camera.token}`, SMALL);
  await expect(phone.getByRole('button', { name: 'Not ready' })).toBeVisible();
  await host.call('rotateDepartmentLink', { id: camera.id });
  await phone.getByRole('button', { name: 'Not ready' }).click();
  await expect(phone.getByRole('alert')).toHaveText('This readiness link no longer works: ask the stage manager for the new one.');
  // The link's token cannot control anything either.
  const refused = await fetch(`${host.url}/api/countdownCommand`, { method: 'POST', headers: { authorization: `Bearer ${camera.token}`, 'content-type': 'application/json' }, body: '{"type":"reset"}' });
  expect(refused.status).toBe(401);
  await phone.context().close();
});

test('a held count stays held, with its reason, through a host killed and restarted', async ({ page, browser }) => {
  host = await startHost({ demo: true, testClock: true });
  const links = new Map((await host.call<{ name: string; token: string }[]>('listDepartmentLinks')).value.map((l) => [l.name, l.token]));
  for (const [name, token] of links) await host.call('setMyReadiness', { token, ready: name !== 'Sound' });
  await host.call('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
  const plans = (await host.call<{ id: number; song: string }[]>('listPlans')).value;
  await host.call('countdownCommand', { type: 'arm', planId: plans.find((p) => p.song === 'Love Lee')!.id });
  await host.call('countdownCommand', { type: 'start' });
  const stage = await openDevice(browser, `${host.url}/stage`, SMALL);
  const heldAt = await host.clock({ advance: 80_000 });
  await expect(stage.getByRole('alert')).toHaveText('Hold — waiting for Sound');

  const port = Number(new URL(host.url).port);
  await host.kill();
  host = await startHost({ dataDir: host.dataDir, port, testClock: true, testClockAt: heldAt + 30_000 });
  await stage.reload();
  await expect(stage.getByRole('timer')).toHaveText('0:10');
  await expect(stage.getByRole('alert')).toHaveText('Hold — waiting for Sound');
  await page.goto(`${host.url}/?token=${TOKEN}#/console`);
  await expect(page.getByRole('status').filter({ hasText: 'Paused' })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Hold — waiting for Sound' })).toBeVisible();

  // Only the operator lets it go on, and this run does not hold again (Sound is still not ready).
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect(stage.getByRole('alert')).toHaveCount(0);
  await host.clock({ advance: 10_001 });
  await expect(page.getByRole('status').filter({ hasText: 'GO' })).toBeVisible();
  await stage.context().close();
});

test('a display that connects while the count is held hears the hold in its first frames', async () => {
  host = await startHost({ demo: true, testClock: true });
  const links = new Map((await host.call<{ name: string; token: string }[]>('listDepartmentLinks')).value.map((l) => [l.name, l.token]));
  for (const [name, token] of links) await host.call('setMyReadiness', { token, ready: name !== 'Sound' });
  await host.call('setReadinessOptions', { autoHold: true, holdAtSeconds: 10 });
  const plans = (await host.call<{ id: number }[]>('listPlans')).value;
  await host.call('countdownCommand', { type: 'arm', planId: plans[0]!.id });
  await host.call('countdownCommand', { type: 'start' });
  await host.clock({ advance: 80_000 }); // held at T-10 s before the display's socket opens: it hears no event of it
  const display = new WebSocket(`${host.url.replace('http', 'ws')}/ws`);
  const frames = await new Promise<{ name: string; payload: { phase?: string; hold?: { waitingFor: string[] } | null } }[]>((resolve, reject) => {
    const got: { name: string; payload: never }[] = [];
    display.on('message', (data) => got.push(JSON.parse(String(data))) === 2 && resolve(got));
    display.once('error', reject);
  });
  display.close();
  expect(frames.map((f) => f.name)).toEqual(['countdown', 'readiness']);
  expect(frames[0]!.payload.phase).toBe('paused');
  expect(frames[1]!.payload.hold?.waitingFor).toEqual(['Sound']);
});
