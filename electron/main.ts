/**
 * The Electron host: wiring only. Every rule it applies lives in ./shell (functions taking the
 * Electron objects they use, unit-tested with fakes), ./core (runs without Electron) or ./windows.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, screen, session, type Display } from 'electron';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { methodNames } from '../shared/api';
import { EVENT_CHANNELS, PRINT_CHANNEL, STAGE_CHANNEL, type PrintResult } from '../shared/bridge';
import { translate } from '../shared/i18n/index';
import { openCoreChecked, type Core } from './core/core';
import { dispatch } from './core/dispatch';
import { keepOscControl, type OscControlKeeper } from './host/osc/keeper';
import { menuLanguage, menuTemplate } from './menu';
import { handleTrusted, registerContractIpc } from './shell/ipc';
import { guardEveryWebContents } from './shell/navigation';
import { printToPdf } from './shell/print';
import { APP_SCHEME_PRIVILEGES, RENDERER_ENTRY_URL, serveRenderer } from './shell/protocol';
import { installQuitSequence } from './shell/quit';
import { hardenSession } from './shell/session';
import { followStageDisplay, moveWindowToDisplay, type DisplayLike } from './shell/stage-display';
import { ensureMainFlags } from './shell/v8-flags';
import { saveBoundsAsTheyChange } from './shell/window-tracking';
import { readWindowState, writeWindowState } from './window-state';
import { keepsDisplayAwake, mainWindowOptions, pickStageDisplay, restoreBounds, stageWindowOptions, type WindowState } from './windows';

// The bundle is dist/electron/main.cjs; the renderer and preload are built next to it.
const RENDERER_ROOT = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, 'preload.cjs');
const STAGE_URL = `${RENDERER_ENTRY_URL}#/stage`;
// Reload and DevTools are for the development build; a packaged app never offers them.
const DEVELOPER_TOOLS = !app.isPackaged;

let core: Core | undefined;
let mainWindow: BrowserWindow | undefined;
let stageWindow: BrowserWindow | undefined;
let stageDisplayId: number | undefined;
let state: WindowState = {};
let displayBlocker: number | undefined;
let oscControl: OscControlKeeper | undefined;

// Before ready: only a scheme registered now gets an origin, storage and secure-context rights.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

function saveState(change: Partial<WindowState>): void {
  state = { ...state, ...change };
  writeWindowState(app.getPath('userData'), state);
}

function registerIpc(openedCore: Core): void {
  registerContractIpc(ipcMain, methodNames, (name, input) => dispatch(openedCore, name, input, { canControl: true }));
  const notSaved: PrintResult = { saved: false, path: null };
  handleTrusted(ipcMain, PRINT_CHANNEL, notSaved, (event, suggestedName) =>
    printToPdf(event.sender, suggestedName, {
      dialog,
      windowOf: (contents) => BrowserWindow.fromWebContents(contents as Electron.WebContents),
      writeFile: (file, data) => fs.promises.writeFile(file, data),
    }),
  );
  handleTrusted(ipcMain, STAGE_CHANNEL, undefined, () => openStageWindow());
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
  openedCore.events.on('readiness', (board) => broadcast(EVENT_CHANNELS.readiness, board));
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

function createMainWindow(): BrowserWindow {
  const bounds = restoreBounds(state.mainBounds, screen.getAllDisplays());
  const win = new BrowserWindow(mainWindowOptions({ preloadPath: PRELOAD, bounds, devTools: DEVELOPER_TOOLS }));
  win.once('ready-to-show', () => {
    if (state.mainMaximized) win.maximize();
    win.show();
  });
  saveBoundsAsTheyChange(win, ({ bounds: mainBounds, maximized }) => saveState({ mainBounds, mainMaximized: maximized }));
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
    // The stage is a view of the console; without the console nobody can stop the countdown.
    if (stageWindow && !stageWindow.isDestroyed()) stageWindow.close();
  });
  void win.loadURL(RENDERER_ENTRY_URL);
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
  const win = new BrowserWindow(stageWindowOptions({ preloadPath: PRELOAD, displayBounds: display.bounds, devTools: DEVELOPER_TOOLS }));
  win.on('closed', () => {
    if (stageWindow === win) stageWindow = undefined;
  });
  stageWindow = win;
  stageDisplayId = display.id;
  void win.loadURL(STAGE_URL);
}

/** Moves an open stage window onto the chosen display (after a choice, or a display coming back). */
function placeStageWindow(): void {
  const display = chosenStageDisplay();
  if (!display || !stageWindow || stageWindow.isDestroyed()) return;
  moveWindowToDisplay(stageWindow, display.bounds);
  stageDisplayId = display.id;
}

function chooseStageDisplay(id: number): void {
  saveState({ stageDisplayId: id });
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
    developerTools: DEVELOPER_TOOLS,
    openStage: openStageWindow,
    chooseStageDisplay,
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

function watchDisplays(): void {
  screen.on('display-added', () => {
    buildMenu();
    placeStageWindow();
  });
  screen.on('display-removed', buildMenu);
  followStageDisplay(screen, {
    stageWindow: () => stageWindow,
    stageDisplayId: () => stageDisplayId,
    placedOn: (display: DisplayLike) => {
      stageDisplayId = display.id;
    },
  });
}

async function start(): Promise<void> {
  state = readWindowState(app.getPath('userData'));
  try {
    core = await openCoreChecked({ dataDir: app.getPath('userData'), demo: 'first-run', warmReview: true, warmInputs: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const language = menuLanguage(app.getLocale());
    dialog.showErrorBox(translate(language, 'app.openFailed'), `${message}\n\n${translate(language, 'readOnly.folder', { dir: app.getPath('userData') })}`);
    app.exit(1);
    return;
  }
  hardenSession(session.defaultSession);
  serveRenderer(protocol, RENDERER_ROOT);
  registerIpc(core);
  forwardCoreEvents(core);
  oscControl = keepOscControl(core);
  buildMenu();
  watchDisplays();
  mainWindow = createMainWindow();
}

function main(): void {
  // Before anything opens: without the host's V8 flags, the main process starts over once with them.
  if (ensureMainFlags(app, process.argv)) return;
  // A second copy would open the same database and fight over the countdown.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  guardEveryWebContents(app);
  // While the store is checked at start there is no window to focus yet; start opens it.
  app.on('second-instance', () => {
    if (core) focusMainWindow();
  });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) focusMainWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  installQuitSequence(app, {
    core: () => core,
    forgetCore: () => {
      core = undefined;
    },
    timeoutMs: 5_000,
  });
  app.on('will-quit', () => {
    holdDisplayAwake(false);
    void oscControl?.close();
  });
  void app.whenReady().then(start);
}

main();
