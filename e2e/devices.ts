import type { Browser, Page } from '@playwright/test';

/**
 * Another device on the set network: its own browser context (its own storage, so its own device
 * id), in the language chosen, and a page whose uncaught errors fail the spec.
 */
export async function openDevice(browser: Browser, url: string, { language = 'en', width = 1000, height = 700 }: { language?: 'en' | 'ko'; width?: number; height?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height } });
  await context.addInitScript((lang) => localStorage.setItem('cuelight.language', lang), language);
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  return page;
}
