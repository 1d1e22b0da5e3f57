/**
 * The Electron host, kept thin: lifecycle, windows, menu, and an IPC adapter over the core.
 * Everything with rules in it lives in ./core (runs without Electron) or ./windows (pure).
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  powerSaveBlocker,
  screen,
  session,
  type Display,
  type IpcMainInvokeEvent,
  type WebFrameMain,
} from 'electron';
import * as path from 'node:path';
import { methodNames, type Envelope } from '../shared/api';
import { EVENT_CHANNELS } from '../shared/bridge';
import { openCore, type Core } from './core/core';
import { dispatch } from './core/dispatch';
import { registerPrintToPdf } from './print';
import { readWindowState, writeWindowState } from './window-state';
import { menuLanguage, menuTemplate } from './menu';
import { translate } from '../shared/i18n/index';
import {
  isRendererUrl,
  keepsDisplayAwake,
  mainWindowOptions,
  pickStageDisplay,
  restoreBounds,
  stageWindowOptions,
  type WindowState,
} from './windows';

// The bundle is dist/electron/main.cjs; the renderer and preload are built next to it.
const RENDERER_INDEX = path.join(__dirname, '../renderer/index.html');
const PRELOAD = path.join(__dirname, 'preload.cjs');

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const UNAUTHORIZED: Envelope<never> = {
  ok: false,
  error: { code: 'unauthorized', message: 'This call did not come from a Cuelight window. Restart Cuelight and try again.' },
};

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let stageWindow: BrowserWindow | undefined;
let state: WindowState = {};
let displayBlocker: number | undefined;

/** Only the top frame of our own renderer page may call the core. */
function isTrustedSender(frame: WebFrameMain | null): boolean {
  return frame !== null && frame.parent === null && isRendererUrl(frame.url, RENDERER_INDEX);
}

function registerIpc(openedCore: Core): void {
  for (const name of methodNames) {
    ipcMain.handle(name, (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event.senderFrame)) return Promise.resolve(UNAUTHORIZED);
      return dispatch(openedCore, name, input, { canControl: true });
    });
  }
  registerPrintToPdf(isTrustedSender);
}

function broadcast(channel: string, payload: unknown): void {
  for (const win of BrowserWindow.getAllWindows()) {
    if (!win.isDestroyed() && !win.webContents.isDestroyed()) win.webContents.send(channel, payload);
  }
}

function forwardCoreEvents(openedCore: Core): void {
  openedCore.events.on('countdown', (snapshot) => {
    broadcast(EVENT_CHANNELS.countdown, snapshot);
    holdDisplayAwake(keepsDisplayAwake(snapshot.phase));
  });
  openedCore.events.on('dataChanged', (change) => broadcast(EVENT_CHANNELS.dataChanged, change));
  openedCore.events.on('progress', (progress) => broadcast(EVENT_CHANNELS.progress, progress));
  openedCore.events.on('triggerResult', (result) => broadcast(EVENT_CHANNELS.triggerResult, result));
}

/** A sleeping screen mid-countdown would leave the performer without a cue. */
function holdDisplayAwake(hold: boolean): void {
  if (hold && displayBlocker === undefined) {
    displayBlocker = powerSaveBlocker.start('prevent-display-sleep');
  } else if (!hold && displayBlocker !== undefined) {
    if (powerSaveBlocker.isStarted(displayBlocker)) powerSaveBlocker.stop(displayBlocker);
    displayBlocker = undefined;
  }
}

function hardenSessions(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([key]) => key.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [CSP] } });
  });
  // Fullscreen is the only browser permission the stage display needs.
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) => callback(permission === 'fullscreen'));
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => permission === 'fullscreen');

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (navigation) => {
      if (!isRendererUrl(navigation.url, RENDERER_INDEX)) navigation.preventDefault();
    });
    contents.on('will-redirect', (navigation) => {
      if (!isRendererUrl(navigation.url, RENDERER_INDEX)) navigation.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}

function createMainWindow(): BrowserWindow {
  const bounds = restoreBounds(state.mainBounds, screen.getAllDisplays());
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD, bounds }));
  win.once('ready-to-show', () => {
    if (state.mainMaximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    state = { ...state, mainBounds: win.getNormalBounds(), mainMaximized: win.isMaximized() };
    writeWindowState(app.getPath('userData'), state);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
    // The stage is a view of the console; without the console nobody can stop the countdown.
    if (stageWindow && !stageWindow.isDestroyed()) stageWindow.close();
  });
  void win.loadFile(RENDERER_INDEX);
  return win;
}

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function chosenStageDisplay(): Display | undefined {
  return pickStageDisplay(screen.getAllDisplays(), screen.getPrimaryDisplay().id, state.stageDisplayId);
}

function openStageWindow(): void {
  if (stageWindow && !stageWindow.isDestroyed()) {
    stageWindow.show();
    stageWindow.focus();
    return;
  }
  const display = chosenStageDisplay();
  if (!display) return;
  const win = new BrowserWindow(stageWindowOptions({ preloadPath: PRELOAD, displayBounds: display.bounds }));
  win.on('closed', () => {
    if (stageWindow === win) stageWindow = undefined;
  });
  stageWindow = win;
  void win.loadFile(RENDERER_INDEX, { hash: '/stage' });
}

/** Moves an open stage window onto the chosen display, leaving fullscreen to move between screens. */
function placeStageWindow(): void {
  const display = chosenStageDisplay();
  const win = stageWindow;
  if (!display || !win || win.isDestroyed()) return;
  const refill = () => {
    win.setBounds(display.bounds);
    win.setFullScreen(true);
  };
  if (win.isFullScreen()) {
    win.once('leave-full-screen', refill);
    win.setFullScreen(false);
  } else {
    refill();
  }
}

function chooseStageDisplay(id: number): void {
  state = { ...state, stageDisplayId: id };
  writeWindowState(app.getPath('userData'), state);
  placeStageWindow();
  buildMenu();
}

function buildMenu(): void {
  const template = menuTemplate({
    displays: screen.getAllDisplays(),
    primaryId: screen.getPrimaryDisplay().id,
    chosenId: chosenStageDisplay()?.id,
    platform: process.platform,
    language: menuLanguage(app.getLocale()),
    openStage: openStageWindow,
    chooseStageDisplay,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function onDisplaysChanged(): void {
  buildMenu();
  placeStageWindow();
}

function start(): void {
  state = readWindowState(app.getPath('userData'));
  try {
    core = openCore({ dataDir: app.getPath('userData'), demo: 'first-run', warmReview: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const language = menuLanguage(app.getLocale());
    dialog.showErrorBox(translate(language, 'app.openFailed'), `${message}\n\n${translate(language, 'readOnly.folder', { dir: app.getPath('userData') })}`);
    app.exit(1);
    return;
  }
  registerIpc(core);
  forwardCoreEvents(core);
  hardenSessions();
  buildMenu();
  screen.on('display-added', onDisplaysChanged);
  screen.on('display-removed', onDisplaysChanged);
  mainWindow = createMainWindow();
}

function main(): void {
  // A second copy would open the same database and fight over the countdown.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.on('second-instance', focusMainWindow);
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) focusMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Quitting waits (at most a few seconds) for a backup of what changed since the last one.
  let backedUp = false;
  app.on('before-quit', (event) => {
    if (!core || backedUp) return;
    event.preventDefault();
    backedUp = true;
    const closing = core;
    void Promise.race([closing.shutdown(), new Promise((resolve) => setTimeout(resolve, 5_000))]).finally(() => {
      closing.close();
      core = undefined;
      app.quit();
    });
  });
  app.on('will-quit', () => {
    holdDisplayAwake(false);
    core?.close();
    core = undefined;
  });
  void app.whenReady().then(start);
}

main();
