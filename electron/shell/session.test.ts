import { describe, it, expect, vi } from 'vitest';
import type { App, Session, WebContents } from 'electron';
import { hardenSession } from './session';
import { guardEveryWebContents, guardWebContents } from './navigation';

type RequestHandler = Parameters<Session['setPermissionRequestHandler']>[0] & {};
type CheckHandler = Parameters<Session['setPermissionCheckHandler']>[0] & {};
type DeviceHandler = Parameters<Session['setDevicePermissionHandler']>[0] & {};

function hardenedSession() {
  const handlers: { request?: RequestHandler; check?: CheckHandler; device?: DeviceHandler } = {};
  hardenSession({
    setPermissionRequestHandler: (handler) => void (handlers.request = handler ?? undefined),
    setPermissionCheckHandler: (handler) => void (handlers.check = handler ?? undefined),
    setDevicePermissionHandler: (handler) => void (handlers.device = handler ?? undefined),
  });
  const ask = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    handlers.request!({} as WebContents, permission as 'fullscreen', callback, { requestingUrl } as never);
    return callback.mock.calls[0]?.[0] as boolean;
  };
  return { handlers, ask };
}

describe('session hardening', () => {
  it('grants fullscreen to the app page and nothing else', () => {
    const { ask } = hardenedSession();
    expect(ask('fullscreen', 'cuelight://app/index.html#/stage')).toBe(true);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'midi', 'display-capture', 'pointerLock']) {
      expect(ask(permission, 'cuelight://app/index.html'), permission).toBe(false);
    }
    expect(ask('fullscreen', 'https://example.com/')).toBe(false);
  });

  it('answers permission checks the same way, and refuses every device', () => {
    const { handlers } = hardenedSession();
    expect(handlers.check!(null, 'fullscreen', 'cuelight://app', {} as never)).toBe(true);
    expect(handlers.check!(null, 'media', 'cuelight://app', {} as never)).toBe(false);
    expect(handlers.check!(null, 'fullscreen', 'https://evil.example', {} as never)).toBe(false);
    expect(handlers.device!({} as never)).toBe(false);
  });
});

/** A web contents that records what the guard installs, so a test can play the events. */
function fakeContents() {
  const listeners = new Map<string, (event: { url?: string; preventDefault(): void }) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    setWindowOpenHandler: (handler: typeof openHandler) => void (openHandler = handler),
    on: (event: string, listener: (event: { url?: string; preventDefault(): void }) => void) => {
      listeners.set(event, listener);
      return contents;
    },
  };
  const play = (event: string, url: string) => {
    const preventDefault = vi.fn();
    listeners.get(event)!({ url, preventDefault });
    return preventDefault.mock.calls.length > 0 ? 'refused' : 'allowed';
  };
  return { contents: contents as unknown as WebContents, play, open: (url: string) => openHandler!({ url }).action };
}

describe('navigation and new windows', () => {
  it('refuses navigation and redirects away from the app, in any frame', () => {
    const { contents, play } = fakeContents();
    guardWebContents(contents);
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(play(event, 'https://example.com/'), event).toBe('refused');
      expect(play(event, 'file:///etc/passwd'), event).toBe('refused');
      expect(play(event, 'cuelight://app.evil/'), event).toBe('refused');
      expect(play(event, 'cuelight://app/index.html#/takes'), event).toBe('allowed');
    }
  });

  it('denies window.open for every URL, its own pages included', () => {
    const { contents, open } = fakeContents();
    guardWebContents(contents);
    expect(open('https://example.com/')).toBe('deny');
    expect(open('cuelight://app/index.html#/stage')).toBe('deny');
  });

  it('refuses to attach a <webview>', () => {
    const { contents, play } = fakeContents();
    guardWebContents(contents);
    expect(play('will-attach-webview', 'cuelight://app/')).toBe('refused');
  });

  it('guards every web contents the app creates', () => {
    let created: ((event: unknown, contents: WebContents) => void) | undefined;
    const app = { on: (name: string, listener: typeof created) => (name === 'web-contents-created' ? (created = listener) : undefined) };
    guardEveryWebContents(app as unknown as App);
    const { contents, open } = fakeContents();
    created!({}, contents);
    expect(open('https://example.com/')).toBe('deny');
  });
});
