import type { Page } from '@playwright/test';
import type { Plan } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// A producer orders a shoot day by call time in one action; the order is saved, and the button
// says so in Korean too. Dates are pinned: nothing here depends on today's date.

const DAY = '2026-11-26';
const NEXT = '2026-11-27';
let host: Host;

test.beforeEach(async () => {
  host = await startHost();
  const plan = (song: string, shootDate: string, callTime?: string) =>
    host.call('createPlan', { artist: { name: 'AKMU' }, song, shootDate, ...(callTime ? { callTime } : {}) });
  for (const [song, day, time] of [
    ['Evening', DAY, '18:00'],
    ['Untimed', DAY, undefined],
    ['Late', DAY, '19:30'],
    ['Afternoon', DAY, '14:00'],
    ['Next night', NEXT, '20:00'],
    ['Next noon', NEXT, '12:00'],
  ] as const) {
    expect((await plan(song, day, time)).ok).toBe(true);
  }
});
test.afterEach(async () => host.stop());

const dayList = (page: Page, name: string) => page.getByRole('list', { name });
const songsOf = async (h: Host, day: string) => (await h.call<Plan[]>('listPlans')).value.filter((p) => p.shootDate === day).map((p) => p.song);

test('a day is put in call-time order in one action, and it stays that way', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  const day = dayList(page, 'Run order: Thursday, November 26, 2026');
  await expect(day.getByRole('listitem')).toHaveText([/18:00/, /—/, /19:30/, /14:00/]);

  await page.getByRole('button', { name: 'Order by call time: Thursday, November 26, 2026' }).click();
  await expect(day.getByRole('listitem')).toHaveText([/14:00/, /18:00/, /19:30/, /—/]);
  await expect(page.getByRole('status').filter({ hasText: 'Thursday, November 26, 2026 now runs in call-time order' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Order by call time: Thursday, November 26, 2026' })).toBeDisabled();
  expect(await songsOf(host, DAY)).toEqual(['Afternoon', 'Evening', 'Late', 'Untimed']);
  // The other day is left as it was until its own button is pressed.
  expect(await songsOf(host, NEXT)).toEqual(['Next night', 'Next noon']);

  await page.reload();
  await expect(day.getByRole('listitem')).toHaveText([/14:00/, /18:00/, /19:30/, /—/]);
});

test('in Korean, the button and its announcement read in Korean', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  const button = page.getByRole('button', { name: '콜 타임 순으로 정렬: 2026년 11월 27일 금요일' });
  await expect(button).toHaveText('콜 타임 순으로 정렬');
  await button.click();
  await expect(dayList(page, '진행 순서: 2026년 11월 27일 금요일').getByRole('listitem')).toHaveText([/12:00/, /20:00/]);
  await expect(page.getByRole('status').filter({ hasText: '2026년 11월 27일 금요일: 이제 콜 타임 순서로 진행합니다' })).toBeVisible();
  await expect(button).toBeDisabled();
  expect(await songsOf(host, NEXT)).toEqual(['Next noon', 'Next night']);
  await page.screenshot({ path: 'e2e/screenshots/run-order-ko.png', fullPage: true });
});
