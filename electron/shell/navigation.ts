/**
 * Every web contents stays on the app's own origin: no navigation away, no redirects out, no new
 * windows (the stage window is opened by the main process), no <webview>.
 */
import type { App, WebContents } from 'electron';
import { isAppUrl } from './protocol';

interface Navigation {
  url: string;
  preventDefault(): void;
}

/** Stops a navigation whose target is not one of the app's own pages. */
export function refuseNavigationAway(navigation: Navigation): void {
  if (!isAppUrl(navigation.url)) navigation.preventDefault();
}

type GuardedContents = Pick<WebContents, 'setWindowOpenHandler' | 'on'>;

export function guardWebContents(contents: GuardedContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', refuseNavigationAway);
  contents.on('will-frame-navigate', refuseNavigationAway);
  contents.on('will-redirect', refuseNavigationAway);
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Guards every web contents the app ever creates, windows and frames alike. */
export function guardEveryWebContents(app: Pick<App, 'on'>): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
