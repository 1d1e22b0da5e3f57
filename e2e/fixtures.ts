import { test as base, expect } from '@playwright/test';

/** Every spec fails when a page throws: an uncaught error is a bug even if the assertions pass. */
export const test = base.extend<{ failOnPageError: void }>({
  failOnPageError: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('page', (page) => page.on('pageerror', (error) => errors.push(`${page.url()}: ${error.message}`)));
      for (const page of context.pages()) page.on('pageerror', (error) => errors.push(error.message));
      await use();
      expect(errors, 'errors thrown in the page').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
