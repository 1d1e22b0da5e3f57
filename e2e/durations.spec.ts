import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// The plan form reads durations with the same rules as a plan file: h:mm:ss, plain seconds and
// fractions typed in the form are what a CSV import would make of them, and an exact value
// (an imported 1:35.25) survives being opened and saved in the form.

let host: Host;
test.beforeEach(async () => {
  host = await startHost();
});
test.afterEach(async () => host.stop());

const plans = async () => (await host.call<Plan[]>('listPlans')).value;

test('the form takes 1:30:00 and 120 as a CSV would, and keeps an imported fraction when saved', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await page.getByRole('button', { name: 'New plan' }).click();
  const form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Artist').fill('Sumi Jo');
  await form.getByLabel('Song').fill('Ave Maria');
  await form.getByLabel('Length (mm:ss)').fill('1:30:00');
  await form.getByLabel('Countdown (mm:ss)').fill('120');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem', { name: 'Sumi Jo — Ave Maria' })).toBeVisible();
  const [typed] = await plans();
  expect([typed!.songLengthMs, typed!.countdownMs]).toEqual([5_400_000, 120_000]);

  const csv = ['artist,song,songLength,countdown', 'Sumi Jo,Ave Maria,1:30:00,120', 'AKMU,Love Lee,3:10,1:35.25'].join('\n');
  const imported = await host.call<{ imported: number; alreadyPlanned: number }>('importPlans', { format: 'csv', content: csv });
  expect(imported.value).toMatchObject({ imported: 1, alreadyPlanned: 1 }); // the form's plan is the file's first row

  await page.getByRole('button', { name: 'Edit: AKMU — Love Lee' }).click();
  const edit = page.getByRole('form', { name: 'Edit plan' });
  await expect(edit.getByLabel('Countdown (mm:ss)')).toHaveValue('1:35.25');
  await edit.getByLabel('Song').fill('Love Lee (live)');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee (live)' })).toBeVisible();
  expect((await plans()).find((p) => p.artist.name === 'AKMU')?.countdownMs).toBe(95_250);
});
