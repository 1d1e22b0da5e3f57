/**
 * Session hardening: the page may ask for fullscreen (the stage display) and nothing else, and
 * only from the app's own origin.
 */
import type { Session } from 'electron';
import { isAppUrl } from './protocol';

/** Fullscreen is the only browser permission the stage display needs. */
export function allowsPermission(permission: string, requestingUrl: string | undefined): boolean {
  return permission === 'fullscreen' && requestingUrl !== undefined && isAppUrl(requestingUrl);
}

type HardenedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'>;

export function hardenSession(session: HardenedSession): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(allowsPermission(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowsPermission(permission, requestingOrigin));
  // No USB, HID or serial device is ever the page's business.
  session.setDevicePermissionHandler(() => false);
}
