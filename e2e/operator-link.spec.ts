import { test, expect } from './fixtures';
import { openDevice } from './devices';
import { startHost, type Host } from './host';

// The operator's token replaced from the console: every other console with the old link stops at
// once and says so; the console that replaced it goes on with the new one; displays watch on.

let host: Host;
test.afterEach(async () => host?.stop());

/** A call only the operator may make (it reveals the department links): 200 or 401. */
const controls = (token: string) =>
  fetch(`${host.url}/api/listDepartmentLinks`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: '{}' }).then((r) => r.status);

test('replacing the operator link stops every other console at once; this one keeps control', async ({ page, browser }) => {
  host = await startHost({ demo: true, keptToken: true });
  const old = host.token;
  const plans = (await host.call<{ id: number; song: string }[]>('listPlans')).value;
  await host.call('countdownCommand', { type: 'arm', planId: plans.find((p) => p.song === 'Love Lee')!.id });
  const other = await openDevice(browser, `${host.url}/?token=${old}#/console`, { language: 'ko' });
  const stage = await openDevice(browser, `${host.url}/stage`);
  await page.goto(`${host.url}/?token=${old}#/network`);
  await expect(other.getByRole('heading', { name: '콘솔' })).toBeVisible();
  await expect(stage.getByRole('timer')).toBeVisible();

  // A confirm step first: cancelling changes nothing.
  const panel = page.getByRole('region', { name: 'Operator link' });
  await panel.getByRole('button', { name: 'Replace operator link…' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  expect(await controls(old)).toBe(200);
  await panel.getByRole('button', { name: 'Replace operator link…' }).click();
  await expect(page.getByRole('alertdialog')).toContainText('Every other console using it stops at once');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Replace link' }).click();

  const link = panel.getByRole('link', { name: /\?token=/ });
  await expect(link).toBeVisible();
  const fresh = new URL((await link.getAttribute('href'))!).searchParams.get('token')!;
  expect(fresh).not.toBe(old);
  expect(await controls(old)).toBe(401);
  expect(await controls(fresh)).toBe(200);

  // The other console says so, in its language, instead of looking alive; the stage counts on.
  await expect(other.getByRole('alert')).toContainText('이 링크는 바뀌었습니다');
  await other.screenshot({ path: 'test-results/operator-link-replaced-ko.png' });
  await expect(stage.getByRole('timer')).toBeVisible();

  // This console keeps control with the new token: a change here is saved.
  await page.getByRole('button', { name: 'Edit departments' }).click();
  await page.getByRole('textbox', { name: 'Department name' }).first().fill('Camera A');
  await page.getByRole('button', { name: 'Save departments' }).click();
  await expect(page.getByRole('region', { name: 'Go / no-go' }).first()).toContainText('Camera A');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await panel.screenshot({ path: 'test-results/operator-link-new.png' });

  // A console opened later with the old link is told at once; the new link opens a working console.
  const late = await openDevice(browser, `${host.url}/?token=${old}#/plans`);
  await expect(late.getByRole('alert')).toContainText('This link was replaced');
  await expect(late.getByRole('alert')).toContainText('Ask for the new one');
  const given = await openDevice(browser, `${host.url}/?token=${fresh}#/network`);
  await expect(given.getByRole('region', { name: 'Operator link' })).toBeVisible();
  for (const p of [other, stage, late, given]) await p.context().close();
});
