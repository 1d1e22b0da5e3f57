/**
 * The renderer's own origin, `cuelight://app/`: a privileged standard scheme served from the built
 * renderer folder, so the page has a real origin, one CSP, and no file:// privileges.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { CONTENT_TYPES } from '../host/static';

export const APP_SCHEME = 'cuelight';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Standard (origin, relative URLs, storage) and secure (like https); nothing else is granted. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

/** True when `url` is a page or file of the app's own origin (any path, query or hash). */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.port === '';
  } catch {
    return false;
  }
}

/**
 * The file under `rendererRoot` a request names, or null for anything else: another host, an
 * encoded slash or backslash, a `..` segment that survived URL parsing, or a path leading out.
 */
export function rendererFileFor(requestUrl: string, rendererRoot: string): string | null {
  if (!isAppUrl(requestUrl)) return null;
  const rawPath = new URL(requestUrl).pathname;
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererRoot);
  const file = path.resolve(root, relative);
  const fromRoot = path.relative(root, file);
  if (fromRoot === '' || fromRoot.startsWith('..') || path.isAbsolute(fromRoot)) return null;
  return file;
}

type ReadFile = (file: string) => Promise<Uint8Array>;

const readFromDisk: ReadFile = (file) => fs.promises.readFile(file);

function refusal(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'content-security-policy': CONTENT_SECURITY_POLICY },
  });
}

/** The handler `protocol.handle(APP_SCHEME, …)` is given: the renderer's files, each with the CSP. */
export function rendererProtocolHandler(rendererRoot: string, readFile: ReadFile = readFromDisk) {
  return async (request: Pick<Request, 'url' | 'method'>): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refusal(405, 'Only GET is served here.');
    const file = rendererFileFor(request.url, rendererRoot);
    if (!file) return refusal(404, 'Not part of Cuelight.');
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return refusal(404, 'Not part of Cuelight.');
    }
    return new Response(request.method === 'HEAD' ? null : body, {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
      },
    });
  };
}

/** Wires the scheme into a session; `protocol` is Electron's (or a test's fake). */
export function serveRenderer(protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void }, rendererRoot: string): void {
  protocol.handle(APP_SCHEME, rendererProtocolHandler(rendererRoot));
}
