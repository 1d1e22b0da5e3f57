/**
 * Window state saved as the operator arranges windows (debounced), not only on close, so a crash
 * or a power cut does not forget where the console was.
 */
import type { BrowserWindow, Rectangle } from 'electron';

export interface TrackedBounds {
  bounds: Rectangle;
  maximized: boolean;
}

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/** Calls `save` a quiet `delayMs` after the last move or resize, and at once when the window closes. */
export function saveBoundsAsTheyChange(win: TrackedWindow, save: (state: TrackedBounds) => void, delayMs = 500, timers: Timers = realTimers): void {
  let pending: unknown;
  const saveNow = () => {
    pending = undefined;
    if (!win.isDestroyed()) save({ bounds: win.getNormalBounds(), maximized: win.isMaximized() });
  };
  const saveSoon = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = timers.setTimeout(saveNow, delayMs);
  };
  for (const event of ['move', 'resize', 'maximize', 'unmaximize'] as const) win.on(event as 'move', saveSoon);
  win.on('close', () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    saveNow();
  });
}
