import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import type { Plan, Take } from '../shared/schemas';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { T0 } from './time';

// Reviewing the take log: takes are shot through the API on the host's manual clock, then the
// review is driven in Chromium like a person would, by role and accessible name.

let host: Host;
let plans: Map<string, Plan>;

interface Shot {
  lengthMs: number;
  outcome?: 'succeeded' | 'failed';
  reason?: 'vocal' | 'choreography' | 'camera';
  note?: string;
  marks?: [number, string][];
  rehearsal?: boolean;
}

async function ok<T>(method: string, input?: unknown): Promise<T> {
  const reply = await host.call<T>(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
  return reply.value;
}

/** Arms, starts, passes zero on the host's clock, runs the take `lengthMs`, ends and logs it. */
async function shoot(song: string, shot: Shot): Promise<Take> {
  await ok('countdownCommand', { type: 'arm', planId: plans.get(song)!.id, rehearsal: shot.rehearsal ?? false });
  const started = await ok<{ deadline: number }>('countdownCommand', { type: 'start' });
  await host.clock({ set: started.deadline });
  const go = await ok<{ takeId: number }>('getCountdown');
  for (const [atMs, note] of shot.marks ?? []) await ok('addTakeMark', { takeId: go.takeId, atMs, note });
  await host.clock({ advance: shot.lengthMs });
  await ok('countdownCommand', { type: 'end' });
  if (shot.outcome) await ok('setTakeOutcome', { id: go.takeId, outcome: shot.outcome, ...(shot.reason ? { failureReason: shot.reason } : {}), ...(shot.note ? { note: shot.note } : {}) });
  return ok<Take>('getTake', { id: go.takeId });
}

test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
  await ok('updateSettings', { crewName: '김지호' });
  plans = new Map((await ok<Plan[]>('listPlans')).map((p) => [p.song, p]));
  // AKMU needed two takes; Sumi Jo got it first time; Yim Jae-beum's first take failed; Lena Park rehearsed.
  await shoot('Love Lee', { lengthMs: 220_000, outcome: 'failed', reason: 'choreography', marks: [[133_000, 'dancer slip']] });
  await shoot('Love Lee', { lengthMs: 241_000, outcome: 'succeeded', note: 'Clean' });
  await shoot('Ave Maria', { lengthMs: 300_000, outcome: 'succeeded' });
  await shoot('For You (너를 위해)', { lengthMs: 95_000, outcome: 'failed', reason: 'vocal', note: '음정 불안 — 두 번째 후렴' });
  await shoot('Dreaming (꿈에)', { lengthMs: 60_000, outcome: 'succeeded', rehearsal: true });
});
test.afterEach(async () => host.stop());

async function openLog(page: Page) {
  await page.goto(`${host.url}/?token=${TOKEN}#/takes`);
  await expect(page.getByRole('heading', { name: 'Take log' })).toBeVisible();
  return page.getByRole('table', { name: 'Takes', exact: true });
}

/** The table's data rows (the header row and spacers left out). */
const dataRows = (page: Page) => page.getByRole('table', { name: 'Takes', exact: true }).locator('tbody tr.take-row');

test('filters and sorting change what the table shows; a performance that needed two takes says so', async ({ page }) => {
  const table = await openLog(page);
  await expect(dataRows(page)).toHaveCount(4); // the rehearsal is left out
  await expect(page.getByRole('status').filter({ hasText: '4 takes' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Open take #2 of 2 — AKMU/ })).toContainText('Needed 2 takes');
  await expect(table.getByRole('row', { name: /Open take #1 of 2 — AKMU/ })).toContainText('2:13 dancer slip');
  await expect(table.getByRole('row', { name: /Sumi Jo/ })).toContainText('#1');
  await expect(table.getByRole('row', { name: /Sumi Jo/ })).not.toContainText('Needed');
  await page.screenshot({ path: 'e2e/screenshots/takes-table.png', fullPage: true });

  // Sorting: newest first by default, then by artist either way, then by length.
  const header = (name: string) => page.getByRole('columnheader', { name });
  await expect(header('GO at')).toHaveAttribute('aria-sort', 'descending');
  await expect(dataRows(page).first()).toContainText('Yim Jae-beum');
  await header('Artist').getByRole('button').click();
  await expect(header('Artist')).toHaveAttribute('aria-sort', 'ascending');
  await expect(header('GO at')).toHaveAttribute('aria-sort', 'none');
  await expect(dataRows(page).first()).toContainText('AKMU');
  await header('Artist').getByRole('button').click();
  await expect(header('Artist')).toHaveAttribute('aria-sort', 'descending');
  await expect(dataRows(page).first()).toContainText('Yim Jae-beum');
  await header('Length').getByRole('button').click();
  await expect(dataRows(page).first()).toContainText('5:00');
  await expect(dataRows(page).last()).toContainText('1:35');

  // Filters: artist, outcome, text in marks, rehearsals, a date range with nothing in it.
  const filters = page.getByRole('search', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Artist', exact: true }).selectOption({ label: 'Sumi Jo (조수미)' });
  await expect(dataRows(page)).toHaveCount(1);
  await filters.getByRole('button', { name: 'Clear filters' }).click();
  await filters.getByLabel('Outcome').selectOption('Failed');
  await expect(dataRows(page)).toHaveCount(2);
  await expect(dataRows(page).filter({ hasText: 'Choreography' })).toHaveCount(1);
  await filters.getByLabel('Outcome').selectOption('All');
  await filters.getByLabel('Search notes, marks, songs, artists').fill('slip');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText('#1 of 2');
  await filters.getByLabel('Search notes, marks, songs, artists').fill('후렴');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText('For You (너를 위해)');
  await filters.getByLabel('Search notes, marks, songs, artists').fill('');
  await filters.getByLabel('Rehearsals').selectOption('Only rehearsals');
  await expect(dataRows(page)).toHaveCount(1);
  await expect(dataRows(page).first()).toContainText('Rehearsal');
  await filters.getByLabel('Rehearsals').selectOption('Include');
  await expect(dataRows(page)).toHaveCount(5);
  await filters.getByLabel('GO until (inclusive)').fill('2026-11-25');
  await expect(page.getByText('No takes match.')).toBeVisible();
  await filters.getByLabel('GO until (inclusive)').fill('2026-11-26');
  await filters.getByLabel('GO from').fill('2026-11-26');
  await expect(dataRows(page)).toHaveCount(5);

  // The same log in Korean.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '테이크 기록' })).toBeVisible();
  await expect(page.getByRole('table', { name: '테이크 목록' }).locator('tr.take-row').filter({ hasText: '2번의 테이크 필요' })).toHaveCount(1);
  await page.screenshot({ path: 'e2e/screenshots/takes-table-ko.png' });
});

test('the detail view shows times, marks on a timeline and the outcome history; outcome and marks are edited', async ({ page }) => {
  const table = await openLog(page);
  await page.getByRole('button', { name: 'Open take #1 of 2 — AKMU' }).click();
  const dialog = page.getByRole('dialog', { name: '#1 of 2 — AKMU · Love Lee' });
  await expect(dialog).toContainText('This performance took 2 takes; this is take 1.');
  const times = dialog.getByRole('region', { name: 'Times' });
  await expect(times).toContainText('Length3:40');
  await expect(times).toContainText('Logged by김지호');
  const timeline = dialog.getByRole('img', { name: 'Marks on the take’s timeline' });
  await expect(timeline.locator('[data-testid="timeline-mark"]')).toHaveCount(1);
  await expect(timeline.locator('title').last()).toHaveText('1. 2:13 dancer slip');
  const history = dialog.getByRole('region', { name: 'Outcome history' });
  await expect(history.getByRole('listitem')).toHaveCount(1);
  await expect(history).toContainText('김지호: Pending → Failed (Choreography)');

  // A change of reason after the fact keeps its history: who, when, before -> after.
  await dialog.getByLabel('Failure reason').selectOption('Camera');
  await dialog.getByRole('button', { name: 'Save outcome' }).click();
  await expect(history.getByRole('listitem')).toHaveCount(2);
  await expect(history.getByRole('listitem').last()).toContainText('김지호: Failed (Choreography) → Failed (Camera)');

  // The mark, edited: a new time and note; then a second one added at a typed time.
  await dialog.getByLabel('Time of mark 1 (m:ss)').fill('2:15');
  await dialog.getByLabel('Note of mark 1').fill('dancer slip (stage left)');
  await dialog.getByRole('button', { name: 'Save mark 1' }).click();
  await expect(timeline.locator('title').last()).toHaveText('1. 2:15 dancer slip (stage left)');
  await dialog.getByLabel('Time (m:ss)').fill('0:30');
  await dialog.getByLabel('What happened').fill('late light cue');
  await dialog.getByRole('button', { name: 'Add mark' }).click();
  await expect(timeline.locator('[data-testid="timeline-mark"]')).toHaveCount(2);
  await expect(dialog.getByLabel('Note of mark 1')).toHaveValue('late light cue');
  const take = await ok<Take>('getTake', { id: (await ok<{ rows: { id: number }[] }>('queryTakes', { text: 'stage left' })).rows[0]!.id });
  expect(take.marks.map((m) => [m.atMs, m.note])).toEqual([[30_000, 'late light cue'], [135_000, 'dancer slip (stage left)']]);
  await dialog.screenshot({ path: 'e2e/screenshots/takes-detail.png' });

  // A bad time is explained, not sent; Escape closes and the table shows the new reason.
  await dialog.getByLabel('Time of mark 2 (m:ss)').fill('two-fifteen');
  await dialog.getByRole('button', { name: 'Save mark 2' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Write the time as m:ss, like 2:13');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(table.getByRole('row', { name: /Open take #1 of 2 — AKMU/ })).toContainText('Camera');
});

test('the summary shows first-take success overall and by artist and venue, as charts with text', async ({ page }) => {
  await openLog(page);
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('First-take success33%1 of 3 performances');
  await expect(summary).toContainText('Needed more than one take1of 3 performances');
  await expect(summary).toContainText('Average take3:34'); // (220 + 241 + 300 + 95) / 4 s
  const reasons = summary.getByRole('figure', { name: 'Failures by reason' });
  await expect(reasons.getByRole('img', { name: 'Failures by reason' })).toBeVisible();
  await expect(reasons.getByRole('listitem').filter({ hasText: 'Choreography: 1' })).toBeAttached();
  const artists = summary.getByRole('figure', { name: 'First-take success by artist' });
  await expect(artists.getByRole('listitem').filter({ hasText: 'Sumi Jo: 100% (1/1)' })).toBeAttached();
  await expect(artists.getByRole('listitem').filter({ hasText: 'AKMU: 0% (0/1)' })).toBeAttached();
  await expect(summary.getByRole('figure', { name: 'First-take success by venue' }).getByRole('listitem').filter({ hasText: 'National Museum of Korea: 100% (1/1)' })).toBeAttached();
  await summary.screenshot({ path: 'e2e/screenshots/takes-summary.png' });
  // The summary follows the filters.
  await page.getByRole('search', { name: 'Filters' }).getByRole('combobox', { name: 'Artist', exact: true }).selectOption({ label: 'AKMU (악뮤)' });
  await expect(summary).toContainText('First-take success0%0 of 1 performance');
});

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return fs.readFileSync((await file.path())!, 'utf8');
}

test('CSV starts with a byte-order mark and keeps Korean intact; JSON of the filtered takes parses', async ({ page }) => {
  await openLog(page);
  const csv = await download(page, 'Export CSV');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).trim().split('\r\n');
  expect(lines).toHaveLength(5);
  expect(lines.find((l) => l.includes('For You (너를 위해)'))).toContain('음정 불안 — 두 번째 후렴');
  expect(lines.find((l) => l.includes('dancer slip'))).toContain('2:13 dancer slip');

  await page.getByRole('search', { name: 'Filters' }).getByLabel('Outcome').selectOption('Failed');
  await expect(dataRows(page)).toHaveCount(2);
  const json = JSON.parse(await download(page, 'Export JSON')) as { count: number; takes: Take[] };
  expect(json.count).toBe(2);
  expect(json.takes.map((t) => t.song).sort()).toEqual(['For You (너를 위해)', 'Love Lee']);
});

test('the take report prints alone, with its summary and every take', async ({ page }) => {
  await openLog(page);
  await page.getByRole('button', { name: 'Print report' }).click();
  const report = page.getByRole('article', { name: 'Take report' });
  await expect(report).toContainText('Filters: all takes');
  await expect(report.getByRole('table', { name: 'Takes', exact: true }).getByRole('row')).toHaveCount(5);
  await expect(report).toContainText('Needed 2 takes');
  await expect(report).toContainText(/Made \d{4}-\d\d-\d\d \d\d:\d\d by 김지호/);
  await page.evaluate(() => {
    window.print = () => ((window as unknown as { printed: boolean }).printed = true); // headless Chromium has no print dialog
  });
  await report.getByRole('button', { name: 'Print or save as PDF' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed?: boolean }).printed)).toBe(true);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();
  await expect(report.getByRole('button', { name: 'Back to the log' })).toBeHidden();
  await expect(report.getByRole('heading', { name: 'Take report' })).toBeVisible();
  await expect(report.getByRole('figure', { name: 'First-take success by artist' })).toBeVisible();
  await page.screenshot({ path: 'e2e/screenshots/takes-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await report.getByRole('button', { name: 'Back to the log' }).click();
  await expect(dataRows(page)).toHaveCount(4);
});

test('scrolls through 100,000 takes, rendering only the rows in view', async ({ page }) => {
  test.setTimeout(180_000);
  await host.stop();
  host = await startHost(); // creates an empty store at the app's schema
  const dataDir = host.dataDir;
  await host.stop();
  const { fill } = (await import(pathToFileURL(path.resolve('e2e/bench/review.bench.mjs')).href)) as { fill: (file: string) => number[] };
  fill(path.join(dataDir, 'cuelight.sqlite'));
  host = await startHost({ dataDir });
  const table = await openLog(page);
  const { total } = await ok<{ total: number }>('queryTakes', { limit: 1 });
  expect(total).toBeGreaterThan(90_000);
  await expect(table).toHaveAttribute('aria-rowcount', String(total + 1));
  const rendered = () => table.locator('tbody tr.take-row').count();
  expect(await rendered()).toBeLessThan(80);

  // Jump to the middle and to the end: the rows there load and sit exactly where the scrollbar says.
  const scroller = page.locator('.take-scroll');
  for (const index of [50_000, total - 1]) {
    await scroller.evaluate((el, top) => (el.scrollTop = top), index * 36);
    const row = table.locator(`tr[aria-rowindex="${index + 2}"]`);
    await expect(row).not.toContainText('Loading');
    expect(await row.evaluate((tr) => (tr as HTMLElement).offsetTop)).toBe(36 + index * 36);
    expect(await rendered()).toBeLessThan(80);
  }
  // Wheel through a stretch and count frames that took too long to draw.
  await scroller.evaluate((el) => (el.scrollTop = 20_000 * 36));
  const frames = await page.evaluate(async () => {
    const gaps: number[] = [];
    let last = performance.now();
    let going = true;
    const tick = (now: number) => {
      gaps.push(now - last);
      last = now;
      if (going) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    const el = document.querySelector('.take-scroll')!;
    for (let i = 0; i < 60; i++) {
      el.scrollTop += 900;
      await new Promise((r) => requestAnimationFrame(r));
    }
    going = false;
    return gaps.sort((a, b) => a - b);
  });
  console.log(`scrolling 54,000 px over ${frames.length} frames: median ${frames[frames.length >> 1]!.toFixed(1)} ms, worst ${frames.at(-1)!.toFixed(1)} ms`);
  await page.screenshot({ path: 'e2e/screenshots/takes-100k.png' });
});
