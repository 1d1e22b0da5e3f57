// The browser the timing benches drive: Playwright's own when installed, else Debian's Chromium.
import fs from 'node:fs';
import { chromium } from '@playwright/test';

export function benchChromiumPath() {
  try {
    if (fs.existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  throw new Error("no Chromium: install Playwright's browser or /usr/bin/chromium");
}

/** Headless on a closed network: no background traffic that this machine would refuse. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
