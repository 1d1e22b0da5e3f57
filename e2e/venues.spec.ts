import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// Venues in two scripts: a Korean screen and call sheet show the Hangul name, search finds a
// venue by either name or by its address, and the roster keeps one venue per name in either script.
// Nothing here depends on the demo's dates: days are found by their buttons, not their labels.

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true });
});
test.afterEach(async () => host.stop());

const open = async (page: Page) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('heading', { name: 'Plans', exact: true })).toBeVisible();
};
const card = (page: Page, name: string) => page.getByRole('listitem', { name });
const shownCards = (page: Page) => page.locator('.plan-list').getByRole('listitem');

test('a venue reads in the UI’s language on cards and on the call sheet', async ({ page }) => {
  await open(page);
  await expect(card(page, 'Sumi Jo — Ave Maria')).toContainText('National Museum of Korea');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(card(page, 'Sumi Jo — Ave Maria')).toContainText('국립중앙박물관');
  await expect(card(page, 'Sumi Jo — Ave Maria')).not.toContainText('National Museum of Korea');
  await expect(card(page, 'Yim Jae-beum — For You (너를 위해)')).toContainText('KBS홀');

  await page.getByRole('button', { name: /^콜시트: / }).first().click();
  const sheet = page.getByRole('article');
  const rows = sheet.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: 'Ave Maria' })).toContainText('국립중앙박물관');
  const venues = sheet.getByRole('region', { name: '장소 안내' });
  await expect(venues.getByRole('term')).toContainText(['국립현대미술관 서울관', '국립중앙박물관', 'KBS홀']);
  // The English name stays beside the Korean one, for the crew who read it.
  await expect(venues.getByRole('term').filter({ hasText: '국립중앙박물관' })).toContainText('National Museum of Korea');
  await page.screenshot({ path: 'e2e/screenshots/venues-call-sheet-ko.png', fullPage: true });
});

test('the plan filter finds a venue by its name in either script and by its address', async ({ page }) => {
  await open(page);
  const search = page.getByRole('searchbox', { name: 'Filter plans' });
  for (const [query, expected] of [
    ['국립중앙박물관', ['Sumi Jo — Ave Maria']],
    ['KBS홀', ['Yim Jae-beum — For You (너를 위해)', 'Lena Park — Dreaming (꿈에)']],
    ['용산구', ['Sumi Jo — Ave Maria']],
    ['Samcheong-ro', ['AKMU — Love Lee', 'MAMAMOO — Starry Night (별이 빛나는 밤)']],
    ['여의공원로 13', ['Yim Jae-beum — For You (너를 위해)', 'Lena Park — Dreaming (꿈에)']],
  ] as const) {
    await search.fill(query);
    await expect.poll(() => shownCards(page).evaluateAll((cards) => cards.map((c) => c.getAttribute('aria-label'))), { message: query }).toEqual(expected);
  }
});

test('the roster keeps a venue’s two names, one venue per name in either script', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: 'Roster and venues' }).click();
  const venuesTable = page.getByRole('region', { name: 'Venues' }).getByRole('table');
  await expect(venuesTable.getByRole('row').filter({ hasText: 'National Museum of Korea' })).toContainText('국립중앙박물관');

  await page.getByRole('button', { name: 'Add venue' }).click();
  const dialog = page.getByRole('dialog', { name: 'New venue' });
  await dialog.getByLabel('Name', { exact: true }).fill('KBS Annex');
  await dialog.getByLabel('Name in the other script (Hangul or Latin)').fill('KBS홀');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“KBS홀” is already in the venues');
  await dialog.getByLabel('Name in the other script (Hangul or Latin)').fill('롯데콘서트홀');
  await dialog.getByLabel('Name', { exact: true }).fill('Lotte Concert Hall');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(venuesTable.getByRole('row').filter({ hasText: 'Lotte Concert Hall' })).toContainText('롯데콘서트홀');

  // The plan form knows the venue by its Hangul name too, and the plan is filed under it.
  await page.getByRole('button', { name: 'New plan' }).click();
  const form = page.getByRole('form', { name: 'New plan' });
  await form.getByLabel('Artist').fill('AKMU');
  await form.getByLabel('Song').fill('Dinosaur');
  await form.getByLabel('Venue').fill('롯데콘서트홀');
  await expect(form.getByText('On the roster: Lotte Concert Hall · 롯데콘서트홀')).toBeVisible();
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(card(page, 'AKMU — Dinosaur')).toContainText('Lotte Concert Hall');

  // Exports carry both names: CSV in its venueAlt column, JSON in the venue's nameAlt.
  const csv = (await host.call<{ content: string }>('exportPlans', { format: 'csv' })).value.content;
  expect(csv.split('\r\n')[0]).toContain(',venue,venueAlt,venueAddress,');
  expect(csv).toContain('Lotte Concert Hall,롯데콘서트홀,');
});
