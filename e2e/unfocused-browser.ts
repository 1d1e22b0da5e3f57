import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { benchChromiumPath, CHROMIUM_ARGS } from './bench/browser.mjs';

/**
 * Chromium in which a page can really be hidden. Pages Playwright opens stay visible whatever
 * happens (it turns on focus emulation, which keeps each page "captured", so never hidden);
 * attached over CDP with `noDefaults`, the browser's own default context gets no such override,
 * and bringing another tab to the front or minimising the window fires `visibilitychange`.
 */
export async function launchUnfocused(): Promise<{ browser: Browser; context: BrowserContext; close(): Promise<void> }> {
  const executable = benchChromiumPath() ?? chromium.executablePath();
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-unfocused-'));
  const child = spawn(
    executable,
    ['--headless=new', ...CHROMIUM_ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    // Its own process group, so closing it stops its renderer and GPU processes too.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not open its DevTools port:\n${err}`)), 15_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      const match = /DevTools listening on (ws:\S+)/.exec(err);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited with ${code}:\n${err}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint, { noDefaults: true });
  return {
    browser,
    context: browser.contexts()[0]!,
    async close() {
      await browser.close().catch(() => undefined);
      const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group has already gone
      }
      await exited;
      // A child process may still be letting go of the profile for a moment. The promise form
      // retries the whole removal; rmSync retries only the last rmdir, so a file written after its
      // listing fails every retry.
      await fs.promises.rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    },
  };
}

/** Minimises (or restores) the window a page is in, as a person would. */
export async function minimise(page: Page, minimised: boolean): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = (await cdp.send('Browser.getWindowForTarget')) as { windowId: number };
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { windowState: minimised ? 'minimized' : 'normal' } });
  await cdp.detach();
}
