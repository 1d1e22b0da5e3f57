/**
 * Launches the real Electron shell. Runs only where an Electron runtime is installed: our build
 * machines install packages offline, so there it is reported as skipped, with the reason.
 */
import { test, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = process.cwd();
const electronPackage = path.join(root, 'node_modules', 'electron');
const mainBundle = path.join(root, 'dist', 'electron', 'main.cjs');

/** Finds the runtime the way the electron package does, without its fallback of downloading one. */
function findElectronRuntime(): { executablePath?: string; missing?: string } {
  const pathFile = path.join(electronPackage, 'path.txt');
  if (!fs.existsSync(pathFile)) return { missing: `${path.relative(root, pathFile)} does not exist` };
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronPackage, 'dist');
  const executablePath = path.join(distDir, relative);
  if (!fs.existsSync(executablePath)) return { missing: `${executablePath} does not exist` };
  return { executablePath };
}

const runtime = findElectronRuntime();

test.describe('Electron shell', () => {
  test.skip(
    !runtime.executablePath,
    `No Electron runtime on this machine (offline install): ${runtime.missing}. ` +
      'The shell is type-checked and its window options are unit-tested instead; run this spec where `npx electron --version` works.',
  );

  let app: ElectronApplication;
  let page: Page;
  let userDataDir: string;
  const pageErrors: string[] = [];

  test.beforeAll(async () => {
    expect(fs.existsSync(mainBundle), `${mainBundle} is missing: run npm run build first`).toBe(true);
    userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-electron-'));
    app = await _electron.launch({
      executablePath: runtime.executablePath!,
      args: [mainBundle, `--user-data-dir=${userDataDir}`],
      cwd: root,
    });
    page = await app.firstWindow();
    page.on('pageerror', (error) => pageErrors.push(error.message));
  });

  test.afterAll(async () => {
    await app?.close();
    if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
  });

  test('opens on the Plans screen', async () => {
    await expect(page.getByRole('heading', { name: 'Plans' })).toBeVisible();
  });

  test('gives the page the bridge and nothing of Node', async () => {
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown> & { cuelight?: Record<string, unknown> };
      return {
        getBootstrap: typeof scope.cuelight?.getBootstrap,
        invoke: typeof scope.cuelight?.invoke,
        require: typeof scope.require,
        process: typeof scope.process,
      };
    });
    expect(globals).toEqual({ getBootstrap: 'function', invoke: 'undefined', require: 'undefined', process: 'undefined' });
  });

  test('answers a call through the bridge with an envelope', async () => {
    const reply = await page.evaluate(() => {
      const bridge = (globalThis as unknown as { cuelight: { getBootstrap(): Promise<unknown> } }).cuelight;
      return bridge.getBootstrap();
    });
    expect(reply).toMatchObject({ ok: true, value: { readOnly: false, canControl: true } });
  });

  test('serves the page from its own origin, with the one CSP and no file:// page', async () => {
    expect(page.url()).toMatch(/^cuelight:\/\/app\//);
    const status = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
    expect(status).toContain("connect-src 'self'");
  });

  test('refuses to open new windows', async () => {
    // Wait for a window that could appear, rather than counting windows straight away.
    const opened = app.waitForEvent('window', { timeout: 2_000 }).then(
      () => 'a window opened',
      () => 'none',
    );
    await page.evaluate(() => (globalThis as unknown as { open(url: string): unknown }).open('https://example.com/'));
    expect(await opened).toBe('none');
    expect(app.windows()).toHaveLength(1);
  });

  test('opens the stage display from the console through the main process', async () => {
    await page.goto('cuelight://app/index.html#/console');
    const stage = app.waitForEvent('window');
    await page.getByRole('link', { name: 'Open stage display' }).click();
    const stageWindow = await stage;
    await expect(stageWindow).toHaveURL(/#\/stage$/);
    await stageWindow.close();
  });

  test('throws no errors in the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
