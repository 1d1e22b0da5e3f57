import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Plan } from '../shared/schemas';
import { translate, type Language, type MessageKey } from '../shared/i18n/index';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';
import { T0 } from './time';

// Every screen, dialog and state a person reaches, in both languages, checked by axe-core against
// WCAG 2.1 A and AA (colour contrast included): names, roles, labels, contrast, landmarks.

// axe reads the whole page several times per test: give a busy machine room.
test.describe.configure({ timeout: 120_000 });

let host: Host;
test.beforeEach(async () => {
  host = await startHost({ demo: true, testClock: true });
  await host.clock({ set: T0 });
});
test.afterEach(async () => host.stop());

async function ok<T>(method: string, input?: unknown): Promise<T> {
  const reply = await host.call<T>(method, input);
  if (!reply.ok) throw new Error(`${method}: ${reply.error?.message}`);
  return reply.value;
}

/** Each violation as one line a person can act on: rule, element, and what axe found. */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/** Opens a screen in a language, as remembered from the top bar's switch. */
async function open(page: Page, language: Language, route: string): Promise<(key: MessageKey, params?: Record<string, string | number>) => string> {
  await page.addInitScript((l) => localStorage.setItem('cuelight.language', l), language);
  await page.goto(`${host.url}/?token=${TOKEN}#/${route}`);
  await page.waitForLoadState('networkidle');
  return (key, params) => translate(language, key, params);
}

/** Arms Ave Maria in the console and passes zero on the host's clock: a take is running. */
async function goLive(): Promise<void> {
  const plan = (await ok<Plan[]>('listPlans')).find((p) => p.song === 'Ave Maria')!;
  await ok('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
  const started = await ok<{ deadline: number }>('countdownCommand', { type: 'start' });
  await host.clock({ set: started.deadline + 500 });
}

/** A message as a pattern, its placeholders matching anything: to find "Open take #1 — …" in either language. */
function pattern(language: Language, key: MessageKey, ...names: string[]): RegExp {
  const text = translate(language, key, Object.fromEntries(names.map((n) => [n, '\u0000'])));
  return new RegExp(`^${text.split('\u0000').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*')}`);
}

/** Checks the page as it is now (once its short animations, like GO's flash, are over) and keeps a screenshot. */
async function check(page: Page, name: string, language: Language): Promise<void> {
  await page.evaluate(() => Promise.all(document.getAnimations().filter((a) => Number.isFinite(a.effect?.getComputedTiming().endTime)).map((a) => a.finished)));
  await page.screenshot({ path: `e2e/screenshots/a11y-${name}-${language}.png` });
  expect.soft(await violations(page), `${name} (${language})`).toEqual([]);
}

for (const language of ['en', 'ko'] as const) {
  test(`plans, the plan form, the roster and its dialog pass axe (${language})`, async ({ page }) => {
    const t = await open(page, language, 'plans');
    await expect(page.getByRole('heading', { name: t('plans.title'), exact: true })).toBeVisible();
    await check(page, 'plans', language);
    await page.getByRole('button', { name: t('plans.new') }).click();
    await expect(page.getByRole('form', { name: t('plan.form.titleNew') })).toBeVisible();
    await check(page, 'plan-form', language);
    await page.getByRole('button', { name: t('common.cancel') }).click();
    await page.getByRole('button', { name: t('roster.title') }).click();
    await check(page, 'roster', language);
    await page.getByRole('button', { name: t('roster.addPerson') }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(page, 'person-dialog', language);
  });

  test(`the delete dialog and the call sheet pass axe (${language})`, async ({ page }) => {
    const t = await open(page, language, 'plans');
    await page.getByRole('button', { name: new RegExp(`^${t('plans.delete')}: `) }).first().click();
    await expect(page.getByRole('alertdialog')).toBeVisible();
    await check(page, 'delete-dialog', language);
    await page.getByRole('alertdialog').getByRole('button', { name: t('common.cancel') }).click();
    await page.getByRole('button', { name: pattern(language, 'plans.callSheet', 'day') }).first().click();
    await check(page, 'call-sheet', language);
  });

  test(`the console with a plan chosen, in a take, and its help pass axe (${language})`, async ({ page }) => {
    const t = await open(page, language, 'console');
    await expect(page.getByRole('heading', { name: t('console.title'), exact: true })).toBeVisible();
    await page.getByRole('combobox', { name: t('console.choosePlan') }).selectOption({ index: 1 });
    await expect(page.getByRole('button', { name: new RegExp(`^${t('console.arm')}`) })).toBeEnabled();
    await check(page, 'console', language);
    await goLive();
    await expect(page.getByRole('button', { name: new RegExp(`^${t('console.succeeded')}`) })).toBeEnabled();
    await check(page, 'console-take', language);
    await page.getByRole('button', { name: new RegExp(`^${t('console.help')}`) }).click();
    await expect(page.getByRole('dialog', { name: t('console.help') })).toBeVisible();
    await check(page, 'console-help', language);
    await page.keyboard.press('Escape');
  });

  test(`the console armed, with its Go now confirmation, passes axe (${language})`, async ({ page }) => {
    const plan = (await ok<Plan[]>('listPlans')).find((p) => p.song === 'Ave Maria')!;
    await ok('countdownCommand', { type: 'arm', planId: plan.id, rehearsal: false });
    const t = await open(page, language, 'console');
    await expect(page.getByRole('button', { name: new RegExp(`^${t('console.start')}`) })).toBeEnabled();
    await check(page, 'console-armed', language);
    await page.getByRole('button', { name: new RegExp(`^${t('console.goNow')}`) }).click();
    await expect(page.getByRole('alertdialog').or(page.getByRole('dialog'))).toBeVisible();
    await check(page, 'console-confirm', language);
  });

  test(`the stage display, idle and at GO, passes axe (${language})`, async ({ page }) => {
    await open(page, language, 'stage');
    await check(page, 'stage', language);
    await goLive();
    await expect(page.locator('[data-zone="go"]').first()).toBeVisible();
    await check(page, 'stage-go', language);
  });

  test(`the take log with a take open, and its report, pass axe (${language})`, async ({ page }) => {
    await goLive();
    const take = await ok<{ takeId: number }>('getCountdown');
    await host.clock({ advance: 61_000 });
    await ok('countdownCommand', { type: 'end' });
    await ok('addTakeMark', { takeId: take.takeId, atMs: 30_000, note: 'Bridge' });
    await ok('setTakeOutcome', { id: take.takeId, outcome: 'failed', failureReason: 'vocal', note: 'Late entry' });
    const t = await open(page, language, 'takes');
    await expect(page.getByRole('heading', { name: t('takes.title'), exact: true })).toBeVisible();
    await check(page, 'takes', language);
    await page.getByRole('button', { name: pattern(language, 'takes.open', 'label') }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await check(page, 'take-detail', language);
    await page.getByRole('dialog').getByRole('button', { name: t('common.close') }).first().click();
    await page.getByRole('button', { name: t('takes.printReport') }).click();
    await check(page, 'take-report', language);
  });

  test(`the set network page passes axe (${language})`, async ({ page }) => {
    await open(page, language, 'network');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await check(page, 'network', language);
  });

  test(`settings and the restore dialog pass axe (${language})`, async ({ page }) => {
    await ok('backupNow');
    const t = await open(page, language, 'settings');
    await expect(page.getByRole('heading', { name: t('settings.title'), exact: true })).toBeVisible();
    await check(page, 'settings', language);
    await page.getByRole('button', { name: pattern(language, 'backups.restoreLabel', 'time') }).first().click();
    await expect(page.getByRole('alertdialog').or(page.getByRole('dialog'))).toBeVisible();
    await check(page, 'restore-dialog', language);
  });
}

test('the language switch turns every screen Korean and is remembered', async ({ page }) => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ko');
  await expect(page.getByRole('heading', { name: '기획' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByRole('heading', { name: '기획' })).toBeVisible();
  await expect(page.getByRole('link', { name: '콘솔' })).toBeVisible();
  await expect(page.getByText('조수미')).toBeVisible();
  await page.getByRole('link', { name: '콘솔' }).click();
  await expect(page.getByRole('heading', { name: '콘솔' })).toBeVisible();
  await expect(page.getByRole('button', { name: '카운트다운 준비' })).toBeVisible();
  await page.getByRole('link', { name: '테이크' }).click();
  await expect(page.getByRole('heading', { name: '테이크 기록' })).toBeVisible();
});
