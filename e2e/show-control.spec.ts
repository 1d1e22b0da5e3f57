import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { T0 } from './time';
import { startHyperDeck, startOscListener } from './show-control/stand-ins.mjs';

// Show control from the operator's side: triggers edited and tested in Settings, a recorder with
// no disk said on the console the moment it fails, and the take's detail keeps what each did.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

test('a trigger is added in Settings and its test reaches the OSC listener', async ({ page }) => {
  const osc = await startOscListener();
  try {
    await page.goto(`${host.url}/?token=${TOKEN}#/settings`);
    const editor = page.getByRole('region', { name: 'Show control' });
    await editor.getByRole('button', { name: 'Add trigger' }).click();
    const row = editor.getByRole('group');
    await row.getByRole('textbox', { name: 'Name' }).fill('Lights GO');
    await row.getByRole('spinbutton', { name: 'Port' }).fill(String(osc.port));
    await row.getByRole('button', { name: 'Send test' }).click();
    await expect(page.getByText(/Test of "Lights GO": Sent/)).toBeVisible();
    await expect.poll(() => osc.packets.map((p) => [p.address, p.args])).toEqual([['/cuelight/go', ['MAMAMOO', 'HIP', 1]]]);
    await editor.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Saved')).toBeVisible();
    expect((await host.call<{ triggers: { name: string }[] }>('getTriggers', {})).value.triggers.map((t) => t.name)).toEqual(['Lights GO']);
    await page.screenshot({ path: 'e2e/screenshots/settings-triggers.png', fullPage: true });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
    await expect(page.getByRole('region', { name: '쇼 컨트롤' }).getByRole('button', { name: '테스트 전송' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/settings-triggers-ko.png', fullPage: true });
  } finally {
    await osc.close();
  }
});

test('a deck with no disk is said on the console at GO; the take is logged and its detail keeps the failure', async ({ page }) => {
  const deck = await startHyperDeck({ disk: false });
  try {
    const saved = await host.call('saveTriggers', {
      triggers: [{ name: 'Deck A', event: 'go', action: { kind: 'hyperdeck', host: '127.0.0.1', port: deck.port, command: 'record' } }],
    });
    expect(saved.ok).toBe(true);
    await page.goto(`${host.url}/?token=${TOKEN}#/console`);
    await page.getByRole('combobox', { name: 'Choose a performance' }).selectOption({ label: '18:00 · AKMU — Love Lee' });
    await page.getByRole('button', { name: 'Arm countdown' }).click();
    await page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Counting' })).toBeVisible();
    await host.clock({ advance: 90_100 });
    const panel = page.getByRole('region', { name: 'Show control' });
    await expect(panel.getByRole('alert')).toHaveText('Trigger "Deck A" failed: the deck answered 105 no disk');
    await expect(page.getByRole('status').filter({ hasText: 'GO' })).toBeVisible();
    await page.screenshot({ path: 'e2e/screenshots/console-trigger-failed.png' });

    await page.getByRole('link', { name: 'Takes' }).click();
    await page.getByRole('row', { name: /Love Lee/ }).first().click();
    const detail = page.getByRole('dialog');
    await expect(detail.getByRole('region', { name: 'Show control' })).toContainText('the deck answered 105 no disk');
  } finally {
    await deck.close();
  }
});
