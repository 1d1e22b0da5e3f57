import { describe, it, expect, vi, beforeEach, afterEach } from 'vitest';
import type { BrowserWindow, Rectangle, Screen } from 'electron';
import { saveBoundsAsTheyChange } from './window-tracking';
import { followStageDisplay, moveWindowToDisplay } from './stage-display';

/** A window whose events a test fires, with bounds it can change. */
function fakeWindow(bounds: Rectangle) {
  const listeners = new Map<string, (() => void)[]>();
  const win = {
    bounds,
    fullScreen: true,
    destroyed: false,
    on: (name: string, listener: () => void) => void listeners.set(name, [...(listeners.get(name) ?? []), listener]),
    once: (name: string, listener: () => void) => void listeners.set(name, [...(listeners.get(name) ?? []), listener]),
    getNormalBounds: () => win.bounds,
    isMaximized: () => false,
    isDestroyed: () => win.destroyed,
    isFullScreen: () => win.fullScreen,
    setFullScreen: vi.fn((on: boolean) => {
      win.fullScreen = on;
      if (!on) listeners.get('leave-full-screen')?.splice(0).forEach((fn) => fn());
    }),
    setBounds: vi.fn((next: Rectangle) => void (win.bounds = next)),
  };
  const fire = (name: string) => listeners.get(name)?.forEach((fn) => fn());
  return { win, fire };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('window state as the operator arranges windows', () => {
  it('saves once, a quiet moment after a drag ends, with the bounds it ended at', () => {
    const { win, fire } = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    const save = vi.fn();
    saveBoundsAsTheyChange(win as unknown as BrowserWindow, save, 500);
    for (let x = 10; x <= 100; x += 10) {
      win.bounds = { ...win.bounds, x };
      fire('move');
      vi.advanceTimersByTime(50);
    }
    expect(save).not.toHaveBeenCalled();
    vi.advanceTimersByTime(500);
    expect(save.mock.calls).toEqual([[{ bounds: { x: 100, y: 0, width: 1280, height: 800 }, maximized: false }]]);
  });

  it('saves a resize too, and at once on close without a second save after', () => {
    const { win, fire } = fakeWindow({ x: 0, y: 0, width: 1280, height: 800 });
    const save = vi.fn();
    saveBoundsAsTheyChange(win as unknown as BrowserWindow, save, 500);
    win.bounds = { ...win.bounds, width: 1000 };
    fire('resize');
    fire('close');
    expect(save).toHaveBeenCalledOnce();
    expect(save.mock.calls[0]![0].bounds.width).toBe(1000);
    vi.advanceTimersByTime(1_000);
    expect(save).toHaveBeenCalledOnce();
  });
});

const primary = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 } };
const projector = { id: 2, bounds: { x: 1920, y: 0, width: 1280, height: 720 } };

function followed(stageOn: number) {
  const listeners = new Map<string, (event: unknown, display: typeof primary) => void>();
  const screen = { on: (name: string, fn: (event: unknown, display: typeof primary) => void) => void listeners.set(name, fn), getPrimaryDisplay: () => primary };
  const { win } = fakeWindow(projector.bounds);
  let displayId: number | undefined = stageOn;
  followStageDisplay(screen as unknown as Screen, {
    stageWindow: () => win as unknown as BrowserWindow,
    stageDisplayId: () => displayId,
    placedOn: (display) => (displayId = display.id),
  });
  return { win, emit: (name: string, display: typeof primary) => listeners.get(name)!({}, display), displayId: () => displayId };
}

describe('the stage window follows its display', () => {
  it('refills its display when that display changes resolution', () => {
    const { win, emit } = followed(2);
    const resized = { id: 2, bounds: { x: 1920, y: 0, width: 3840, height: 2160 } };
    emit('display-metrics-changed', resized);
    expect(win.bounds).toEqual(resized.bounds);
    expect(win.fullScreen).toBe(true);
  });

  it('ignores changes to other displays', () => {
    const { win, emit } = followed(2);
    emit('display-metrics-changed', { id: 1, bounds: { x: 0, y: 0, width: 2560, height: 1440 } });
    expect(win.setBounds).not.toHaveBeenCalled();
  });

  it('comes back to the primary display when its display is unplugged', () => {
    const { win, emit, displayId } = followed(2);
    emit('display-removed', projector);
    expect(win.bounds).toEqual(primary.bounds);
    expect(win.fullScreen).toBe(true);
    expect(displayId()).toBe(1);
  });

  it('stays put when another display is unplugged', () => {
    const { win, emit } = followed(2);
    emit('display-removed', { id: 3, bounds: { x: 0, y: 1080, width: 800, height: 600 } });
    expect(win.setBounds).not.toHaveBeenCalled();
  });

  it('moves a windowed stage without toggling fullscreen first', () => {
    const { win } = fakeWindow(projector.bounds);
    win.fullScreen = false;
    moveWindowToDisplay(win as unknown as BrowserWindow, primary.bounds);
    expect(win.setFullScreen.mock.calls).toEqual([[true]]);
    expect(win.bounds).toEqual(primary.bounds);
  });
});
