import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { startHost, TOKEN, type Host } from './host';

// Korean text reads as Korean readers expect: a word is never split across lines (it wraps at
// spaces), and the plan filter's hint is shown whole, in both languages, at common window widths.

let host: Host;
test.beforeAll(async () => {
  host = await startHost({ demo: true });
});
test.afterAll(async () => host.stop());

/** Hangul words (space-separated) inside `selector` that the layout breaks across two lines. */
function brokenHangulWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((root) => {
    const broken: string[] = [];
    for (const scope of document.querySelectorAll(root)) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (const match of text.matchAll(/[^\s]*[\uAC00-\uD7AF][^\s]*/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
    }
    return broken;
  }, selector);
}

/**
 * How much wider the search box's hint is than the room the box gives it (<= 0: it fits). The
 * hint is typed in as the value for a moment: the input then lays it out exactly as it lays out
 * the placeholder (same font, same room beside the clear button), and scrollWidth measures it.
 */
function placeholderOverflow(page: Page): Promise<number> {
  return page.getByRole('searchbox').evaluate((input: HTMLInputElement) => {
    const typed = input.value;
    input.value = input.placeholder;
    const overflow = input.scrollWidth - input.clientWidth;
    input.value = typed;
    return overflow;
  });
}

const open = async (page: Page, language: 'en' | 'ko') => {
  await page.goto(`${host.url}/?token=${TOKEN}#/plans`);
  await page.getByRole('combobox', { name: /Language|언어/ }).selectOption(language);
  await expect(page.locator('.plan-card').first()).toBeVisible();
};

for (const width of [1440, 1280, 1024]) {
  for (const language of ['en', 'ko'] as const) {
    test(`the plan filter's hint is shown whole at ${width} px in ${language}`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, language);
      expect(await placeholderOverflow(page)).toBeLessThanOrEqual(0);
      if (width === 1024) await page.screenshot({ path: `e2e/screenshots/plans-search-${language}-${width}.png` });
    });
  }
}

for (const width of [1440, 1024, 800]) {
  test(`Hangul wraps at spaces only, at ${width} px: cards, roster tables, call sheet`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, 'ko');
    await page.getByRole('button', { name: '명단과 장소' }).click();
    await expect(page.locator('.roster-table').first()).toBeVisible();
    expect(await brokenHangulWords(page, '.plans-screen')).toEqual([]);
    // Words kept whole must not push the page wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `e2e/screenshots/plans-roster-ko-${width}.png`, fullPage: true });
    await page.getByRole('button', { name: /^콜시트: / }).first().click();
    await expect(page.locator('.call-sheet')).toBeVisible();
    expect(await brokenHangulWords(page, '.call-sheet')).toEqual([]);
    await page.screenshot({ path: `e2e/screenshots/call-sheet-ko-${width}.png`, fullPage: true });
  });
}
