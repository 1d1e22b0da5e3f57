import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// The planning workspace end to end: plan a shoot day in the UI, reorder it, export it, import it
// into an empty database with an identical result; a bad file is refused line by line.

/** An import is answered once a fresh worker thread has read it: over 5 s on a box loaded to 8. */
const IMPORT_MS = 20_000;

const hosts: Host[] = [];
async function host(options: { demo?: boolean } = {}): Promise<Host> {
  // A demo host's shoot days follow its clock: pinned, so they never depend on today's date.
  const h = await startHost({ ...options, testClock: options.demo });
  hosts.push(h);
  return h;
}
test.afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()));
});

const open = async (page: Page, h: Host) => {
  await page.goto(`${h.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
};
const plans = async (h: Host) => (await h.call<Plan[]>('listPlans')).value;
const songs = async (h: Host) => (await plans(h)).map((p) => p.song);

/** listPlans as a person sees it: everything but the database's ids. */
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'id' && k !== 'personId').map(([k, v]) => [k, withoutIds(v)]));
  }
  return value;
}

/** Adds a new name's details inline, without leaving the plan form. */
async function addDetails(form: Locator, name: string, fields: Record<string, string>) {
  await form.getByRole('button', { name: `Add details for ${name}` }).click();
  const editor = form.getByRole('group', { name: /^New (person|venue)$/ });
  for (const [label, value] of Object.entries(fields)) await editor.getByLabel(label).fill(value);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText(`On the roster: ${name}`)).toBeVisible();
}

async function people(form: Locator, kind: 'Dancers' | 'Guest performers', names: string[]) {
  const add = kind === 'Dancers' ? 'Add dancer' : 'Add guest performer';
  for (const [i, name] of names.entries()) {
    await form.getByRole('button', { name: add }).click();
    await form.getByLabel(`${kind} ${i + 1}`).fill(name);
  }
}

/** Controls without an accessible name, as screens.spec counts them, for the views that spec does not open. */
function unnamedControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('button, a[href], input, select, textarea, [role="button"]')]
      .filter((el) => {
        const labels = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? [...(el.labels ?? [])] : [];
        const name = el.getAttribute('aria-label') ?? (labels.length ? labels.map((l) => l.textContent).join(' ') : el.textContent);
        return (name ?? '').trim() === '' && !el.getAttribute('aria-labelledby');
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return fs.readFileSync((await file.path())!, 'utf8');
}

test('a producer plans a shoot day, reorders it, exports it, and an empty database imports it identically', async ({ page, context }) => {
  const [source, fromCsv, fromJson] = await Promise.all([host(), host(), host()]);
  await open(page, source);

  // First performance: a new artist and venue, their details added inline; dancers and a guest.
  await page.getByRole('button', { name: 'New plan' }).click();
  let form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Artist').fill('IU');
  await addDetails(form, 'IU', { 'Name in the other script (Hangul or Latin)': '아이유' });
  await form.getByLabel('Song').fill('Through the Night (밤편지)');
  await form.getByLabel('Length (mm:ss)').fill('4:13');
  await form.getByLabel('Venue').fill('Seoul Arts Center');
  await addDetails(form, 'Seoul Arts Center', { Area: '서초 · Seocho', 'Notes (e.g. curfew)': 'Curfew 22:00' });
  await form.getByLabel('Shoot date').fill('2026-11-26');
  await form.getByLabel('Call time').fill('18:00');
  await form.getByLabel('Countdown (mm:ss)').fill('1:30');
  await form.getByLabel('Status').selectOption('ready');
  await people(form, 'Dancers', ['Kim Min-ji', 'Lee Seo-jun']);
  await people(form, 'Guest performers', ['Jung Seung-hwan']);
  await form.getByLabel('Crew notes').fill('Two cameras on the balcony');
  await page.screenshot({ path: 'e2e/screenshots/plans-form.png', fullPage: true });
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  // Second performance, at the venue now in the library.
  await page.getByRole('button', { name: 'New plan' }).click();
  form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Artist').fill('AKMU');
  await form.getByLabel('Song').fill('Love Lee');
  await form.getByLabel('Venue').fill('seoul arts center');
  await expect(form.getByText('On the roster: Seoul Arts Center · 서초 · Seocho')).toBeVisible();
  await form.getByLabel('Shoot date').fill('2026-11-26');
  await form.getByLabel('Call time').fill('19:30');
  await people(form, 'Dancers', ['Choi Yu-na']);
  await people(form, 'Guest performers', ['Han So-ra']);
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toBeHidden();

  const day = page.getByRole('list', { name: 'Run order: Thursday, November 26, 2026' });
  const cards = day.getByRole('listitem');
  await expect(cards).toHaveCount(2);
  await expect(cards.nth(0)).toHaveAccessibleName('IU — Through the Night (밤편지)');
  await expect(cards.nth(0)).toContainText('Kim Min-ji, Lee Seo-jun');

  // Reorder by drag: AKMU dropped on IU goes first.
  await cards.nth(1).getByRole('button', { name: 'Reorder AKMU — Love Lee' }).dragTo(cards.nth(0));
  await expect(cards.nth(0)).toHaveAccessibleName('AKMU — Love Lee');
  await expect.poll(() => songs(source)).toEqual(['Love Lee', 'Through the Night (밤편지)']);

  // Reorder by keyboard: Alt+Down then Alt+Up on the handle, which keeps focus.
  const handle = page.getByRole('button', { name: 'Reorder AKMU — Love Lee' });
  await handle.focus();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(cards.nth(1)).toHaveAccessibleName('AKMU — Love Lee');
  await expect(handle).toBeFocused();
  await expect.poll(() => songs(source)).toEqual(['Through the Night (밤편지)', 'Love Lee']);
  await page.keyboard.press('Alt+ArrowUp');
  await expect(cards.nth(0)).toHaveAccessibleName('AKMU — Love Lee');
  await expect.poll(() => songs(source)).toEqual(['Love Lee', 'Through the Night (밤편지)']);
  await page.reload();
  await expect(cards.nth(0)).toHaveAccessibleName('AKMU — Love Lee');
  await page.screenshot({ path: 'e2e/screenshots/plans-day.png', fullPage: true });

  // The call sheet, as it prints.
  await page.getByRole('button', { name: 'Call sheet: Thursday, November 26, 2026' }).click();
  const sheet = page.getByRole('article', { name: /Call sheet/ });
  await expect(sheet.getByRole('row').nth(1)).toContainText('AKMU');
  await expect(sheet).toContainText('Curfew 22:00');
  await expect(sheet).toContainText('IU (아이유)');
  expect(await unnamedControls(page)).toEqual([]);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(page.getByRole('navigation')).toBeHidden();
  await page.screenshot({ path: 'e2e/screenshots/plans-call-sheet.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Back to plans' }).click();

  // Export both ways, then import each into its own empty database through the UI.
  const csv = await download(page, 'Export CSV');
  const json = await download(page, 'Export JSON');
  expect(csv).toContain('아이유');
  const expected = withoutIds(await plans(source));
  for (const [target, name, content] of [[fromCsv, 'shoot.csv', csv], [fromJson, 'shoot.json', json]] as const) {
    const other = await context.newPage();
    await open(other, target);
    await other.getByLabel('Import plans (CSV or JSON)').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(content) });
    await expect(other.getByRole('status').filter({ hasText: 'Imported 2 plans' })).toBeVisible({ timeout: IMPORT_MS });
    expect(withoutIds(await plans(target))).toEqual(expected);
    await expect(other.getByRole('listitem').first()).toHaveAccessibleName('AKMU — Love Lee');
    await other.close();
  }
});

const BAD_CSV = [
  'artist,artistAlt,song,songLength,venue,shootDate,callTime,countdown,warning,danger,dancers,guests,notes,status,runOrder',
  'Lena Park,박정현,Dreaming (꿈에),4:00,KBS Hall,2026-11-28,15:30,1:00,1:00,0:10,Kim Min-ji,You Hee-yul,,ready,',
  ',,No artist here,,,2026-11-28,,1:00,,,,,,,',
  'Sumi Jo,,Ave Maria (reprise),,,28/11/2026,25:00,1:75,,,,,,filmed,',
  '',
  'AKMU,,Dinosaur,,National Museum of Korea,2026-11-28,21:00,,,,,,,,',
].join('\n');

test('a CSV with bad rows gets line-numbered errors and changes nothing, until the valid rows are chosen', async ({ page }) => {
  const h = await host({ demo: true });
  await open(page, h);
  const snapshot = async () => [await plans(h), (await h.call('listPeople')).value, (await h.call('listVenues')).value];
  const before = await snapshot();

  await page.getByLabel('Import plans (CSV or JSON)').setInputFiles({ name: 'bad-plans.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
  const report = page.getByRole('region', { name: 'Problems in bad-plans.csv' });
  await expect(report.getByRole('alert')).toHaveText(/2 of 4 rows have problems, so nothing was imported/);
  const rows = report.getByRole('row');
  await expect(rows).toHaveText([
    /Line\s*Column\s*Problem/,
    /^3\s*artist\s*This is empty/,
    /^4\s*shootDate\s*Use a date like 2026-11-26/,
    /^4\s*callTime\s*Use a 24-hour time/,
    /^4\s*countdown\s*Use minutes and seconds/,
    /^4\s*status\s*Use draft, ready or shot/,
  ]);
  await page.screenshot({ path: 'e2e/screenshots/plans-import-errors.png', fullPage: true });
  expect(await unnamedControls(page)).toEqual([]);
  expect(await snapshot()).toEqual(before);

  await report.getByRole('button', { name: 'Import only the 2 valid rows' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 plans' })).toBeVisible({ timeout: IMPORT_MS });
  await expect(report).toBeHidden();
  const after = await songs(h);
  expect(after).toHaveLength(8);
  expect(after.slice(-2)).toEqual(['Dreaming (꿈에)', 'Dinosaur']);
  await expect(page.getByRole('list', { name: 'Run order: Saturday, November 28, 2026' }).getByRole('listitem')).toHaveCount(2);
});

test('typing survives a reload; search, duplicate, delete and archive; roster edits', async ({ page }) => {
  const h = await host({ demo: true });
  await open(page, h);

  // A new plan's form, half typed, comes back after a reload (as after a crash).
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByLabel('Song').fill('Half-typed song (반쯤)');
  await page.getByRole('button', { name: 'Add dancer' }).click();
  await page.getByLabel('Dancers 1').fill('Park Ji-woo');
  await page.reload();
  const form = page.getByRole('form', { name: 'New plan' });
  await expect(form.getByLabel('Song')).toHaveValue('Half-typed song (반쯤)');
  await expect(form.getByLabel('Dancers 1')).toHaveValue('Park Ji-woo');
  await expect(form.getByRole('status')).toContainText('unsaved changes were restored');
  await form.getByRole('button', { name: 'Cancel' }).click();
  await page.reload();
  await expect(page.getByRole('form', { name: 'New plan' })).toBeHidden();

  // The filter finds people by the other script's name, and Latin in any case.
  const search = page.getByRole('searchbox', { name: 'Filter plans' });
  await search.fill('김민지');
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await search.fill('mamamoo');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem')).toHaveAccessibleName('MAMAMOO — Starry Night (별이 빛나는 밤)');
  await search.fill('');

  // Duplicate: a draft copy right after the original.
  await page.getByRole('button', { name: 'Duplicate: Sumi Jo — Ave Maria' }).click();
  await expect.poll(() => songs(h)).toEqual(['Love Lee', 'Ave Maria', 'Ave Maria', 'For You (너를 위해)', 'Reminiscence (회상)', 'Starry Night (별이 빛나는 밤)', 'Dreaming (꿈에)']);
  expect((await plans(h))[2]!.status).toBe('draft');

  // Delete asks first; cancelling keeps the plan.
  const copy = page.getByRole('listitem', { name: 'Sumi Jo — Ave Maria' }).nth(1);
  await copy.getByRole('button', { name: 'Delete: Sumi Jo — Ave Maria' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Delete Sumi Jo — Ave Maria?' });
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('listitem', { name: 'Sumi Jo — Ave Maria' })).toHaveCount(2);
  await copy.getByRole('button', { name: 'Delete: Sumi Jo — Ave Maria' }).click();
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem', { name: 'Sumi Jo — Ave Maria' })).toHaveCount(1);

  // A plan with a take is archived, never deleted; "Show archived" brings it back into view.
  const loveLee = (await plans(h))[0]!;
  for (const command of [{ type: 'arm', planId: loveLee.id }, { type: 'start' }, { type: 'goNow' }, { type: 'end' }]) {
    expect((await h.call('countdownCommand', command)).ok).toBe(true);
  }
  // The card hears of the take before Delete is pressed (the dialog is chosen by the take count shown).
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).toContainText('1 take');
  await page.getByRole('button', { name: 'Delete: AKMU — Love Lee' }).click();
  const archive = page.getByRole('alertdialog', { name: 'Archive AKMU — Love Lee?' });
  await expect(archive).toContainText('its takes stay');
  await archive.getByRole('button', { name: 'Archive' }).click();
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).toBeHidden();
  await page.getByRole('checkbox', { name: 'Show archived' }).check();
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).toContainText('Archived');
  expect((await h.call<Plan[]>('listTakes', {})).value).toHaveLength(1);

  // Roster: rename a dancer's Hangul name in a dialog; the filter finds her by it.
  await page.getByRole('button', { name: 'Roster and venues' }).click();
  expect(await unnamedControls(page)).toEqual([]);
  await page.getByRole('button', { name: 'Edit Choi Yu-na' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit person' });
  expect(await unnamedControls(page)).toEqual([]);
  await dialog.getByLabel('Name in the other script (Hangul or Latin)').fill('최유나B');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await search.fill('유나b');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem')).toHaveAccessibleName('MAMAMOO — Starry Night (별이 빛나는 밤)');

  // The same screen in Korean: the roster, the archived badge, the reorder controls.
  await search.fill('');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '명단과 장소' })).toBeVisible();
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).toContainText('보관됨');
  await expect(page.getByRole('button', { name: '위로 이동: Sumi Jo — Ave Maria' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/plans-roster-ko.png', fullPage: true });

  // Restoring the archived plan puts it back in the day, takes and all.
  await page.getByRole('button', { name: '복원: AKMU — Love Lee' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'AKMU — Love Lee을(를) 기획 목록으로 복원했습니다' })).toBeVisible();
  await page.getByRole('checkbox', { name: '보관된 기획 보기' }).uncheck();
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).not.toContainText('보관됨');
  await expect(page.getByRole('listitem', { name: 'AKMU — Love Lee' })).toContainText('테이크 1회');
});
