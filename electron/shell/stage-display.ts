/**
 * The stage window follows its display: a change of resolution or arrangement refills it, and a
 * display unplugged mid-show brings it back to the primary display instead of leaving it nowhere.
 */
import type { BrowserWindow, Rectangle, Screen } from 'electron';

export interface DisplayLike {
  id: number;
  bounds: Rectangle;
}

type StageWindow = Pick<BrowserWindow, 'isDestroyed' | 'isFullScreen' | 'setFullScreen' | 'setBounds' | 'once'>;

/** Moves a (fullscreen) window onto `bounds`, leaving fullscreen first since it cannot move while in it. */
export function moveWindowToDisplay(win: StageWindow, bounds: Rectangle): void {
  if (win.isDestroyed()) return;
  const refill = () => {
    win.setBounds(bounds);
    win.setFullScreen(true);
  };
  if (win.isFullScreen()) {
    win.once('leave-full-screen', refill);
    win.setFullScreen(false);
  } else {
    refill();
  }
}

export interface StageDisplayDeps {
  /** The open stage window, if any. */
  stageWindow(): StageWindow | undefined;
  /** The display the stage window was last put on. */
  stageDisplayId(): number | undefined;
  /** Records where the stage window now is. */
  placedOn(display: DisplayLike): void;
}

type ScreenEvents = Pick<Screen, 'on' | 'getPrimaryDisplay'>;

export function followStageDisplay(screen: ScreenEvents, deps: StageDisplayDeps): void {
  const moveTo = (display: DisplayLike) => {
    const win = deps.stageWindow();
    if (!win || win.isDestroyed()) return;
    moveWindowToDisplay(win, display.bounds);
    deps.placedOn(display);
  };
  screen.on('display-metrics-changed', (_event, display) => {
    if (display.id === deps.stageDisplayId()) moveTo(display);
  });
  screen.on('display-removed', (_event, removed) => {
    if (removed.id === deps.stageDisplayId()) moveTo(screen.getPrimaryDisplay());
  });
}
