/**
 * Opens the stage display: in the desktop app the main process opens its own full-screen window
 * (pages may not open windows there); in a browser the link opens /stage in a new tab.
 */
import type { MouseEvent } from 'react';

export function openStageFromLink(event: MouseEvent<HTMLAnchorElement>): void {
  if (!window.cuelight) return;
  event.preventDefault();
  void window.cuelight.openStageDisplay();
}
