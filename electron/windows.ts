/**
 * Window options and the small decisions around windows, as pure functions: the shell's security
 * settings are unit-tested here because the shell itself cannot run on our build machines.
 */
import type { BrowserWindowConstructorOptions, Rectangle, WebPreferences } from 'electron';

export const MAIN_BACKGROUND = '#111318';
export const STAGE_BACKGROUND = '#000000';

/** The settings every Cuelight window shares: the page gets the bridge and nothing else. */
function secureWebPreferences(preloadPath: string, devTools = false): WebPreferences {
  return {
    preload: preloadPath,
    // Developer tools only in the development build; a packaged app cannot open them.
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    spellcheck: false,
  };
}

export function mainWindowOptions(options: { preloadPath: string; bounds?: Rectangle | undefined; devTools?: boolean }): BrowserWindowConstructorOptions {
  const size = options.bounds ?? { width: 1280, height: 800 };
  return {
    ...size,
    minWidth: 900,
    minHeight: 600,
    title: 'Cuelight',
    backgroundColor: MAIN_BACKGROUND,
    // Shown on ready-to-show so the operator never sees a white flash.
    show: false,
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  };
}

export function stageWindowOptions(options: { preloadPath: string; displayBounds: Rectangle; devTools?: boolean }): BrowserWindowConstructorOptions {
  const { x, y, width, height } = options.displayBounds;
  return {
    x,
    y,
    width,
    height,
    fullscreen: true,
    frame: false,
    title: 'Cuelight stage',
    backgroundColor: STAGE_BACKGROUND,
    autoHideMenuBar: true,
    webPreferences: {
      ...secureWebPreferences(options.preloadPath, options.devTools),
      // The readout must keep painting on time even when another window has focus.
      backgroundThrottling: false,
    },
  };
}

/** The part of a window that must stay on some display for it to be reachable with the mouse. */
const MIN_VISIBLE = 48;

function isRectangle(value: unknown): value is Rectangle {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Record<string, unknown>;
  return (['x', 'y', 'width', 'height'] as const).every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]));
}

/** Saved bounds if they are sane and visible on one of the displays' work areas, else undefined. */
export function restoreBounds(saved: unknown, displays: readonly { workArea: Rectangle }[]): Rectangle | undefined {
  if (!isRectangle(saved)) return undefined;
  const { x, y, width, height } = saved;
  if (width < 200 || height < 150 || width > 20_000 || height > 20_000) return undefined;
  const visible = displays.some(({ workArea: a }) => {
    const overlapX = Math.min(x + width, a.x + a.width) - Math.max(x, a.x);
    const overlapY = Math.min(y + height, a.y + a.height) - Math.max(y, a.y);
    // The title bar's row must be on screen too, or the window cannot be dragged back.
    const titleOnScreen = y >= a.y && y < a.y + a.height;
    return overlapX >= MIN_VISIBLE && overlapY >= MIN_VISIBLE && titleOnScreen;
  });
  return visible ? { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) } : undefined;
}

export interface DisplayChoice {
  id: number;
  bounds: Rectangle;
}

/** The display the stage goes on: the saved one if still attached, else the first non-primary one. */
export function pickStageDisplay<D extends DisplayChoice>(displays: readonly D[], primaryId: number, savedId?: number): D | undefined {
  return (
    displays.find((d) => d.id === savedId) ??
    displays.find((d) => d.id !== primaryId) ??
    displays.find((d) => d.id === primaryId) ??
    displays[0]
  );
}

/** What the shell remembers between runs; anything unreadable is simply forgotten. */
export interface WindowState {
  mainBounds?: Rectangle;
  mainMaximized?: boolean;
  stageDisplayId?: number;
}

export function parseWindowState(text: string): WindowState {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return {};
  }
  if (typeof raw !== 'object' || raw === null) return {};
  const r = raw as Record<string, unknown>;
  const state: WindowState = {};
  if (isRectangle(r.mainBounds)) state.mainBounds = r.mainBounds;
  if (typeof r.mainMaximized === 'boolean') state.mainMaximized = r.mainMaximized;
  if (typeof r.stageDisplayId === 'number' && Number.isInteger(r.stageDisplayId)) state.stageDisplayId = r.stageDisplayId;
  return state;
}

/** Phases in which someone is watching the stage, so the display must not sleep. */
export function keepsDisplayAwake(phase: string): boolean {
  return phase === 'standby' || phase === 'counting' || phase === 'paused' || phase === 'go';
}
