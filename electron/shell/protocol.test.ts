import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/content-security-policy';
import { isAppUrl, rendererFileFor, rendererProtocolHandler, serveRenderer, APP_SCHEME, APP_SCHEME_PRIVILEGES } from './protocol';

let dir: string;
let root: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-protocol-'));
  root = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Cuelight</title>');
  fs.writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  // A secret beside the renderer folder, which no request may reach.
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'database password');
  fs.writeFileSync(path.join(dir, 'renderer-evil.txt'), 'sibling with a shared prefix');
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => rendererProtocolHandler(root)({ url, method });

describe('the cuelight://app protocol', () => {
  it('serves the renderer page and its assets, each with the one CSP', async () => {
    for (const [url, type, text] of [
      ['cuelight://app/', 'text/html; charset=utf-8', '<!doctype html><title>Cuelight</title>'],
      ['cuelight://app/index.html#/stage', 'text/html; charset=utf-8', '<!doctype html><title>Cuelight</title>'],
      ['cuelight://app/assets/index-abc.js?v=1', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ] as const) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe(type);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).toBe(text);
    }
  });

  it.each([
    'cuelight://app/../secret.txt',
    'cuelight://app/%2e%2e/secret.txt',
    'cuelight://app/%2E%2E/%2E%2E/etc/passwd',
    'cuelight://app/..%2fsecret.txt',
    'cuelight://app/assets%2f..%2f..%2fsecret.txt',
    'cuelight://app/..%5csecret.txt',
    'cuelight://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'cuelight://app/../renderer-evil.txt',
    'cuelight://app//etc/passwd',
    'cuelight://app/missing.js',
    'cuelight://other/index.html',
    'cuelight://app:8080/index.html',
    'cuelight://user@app/index.html',
    'file:///etc/passwd',
    'https://example.com/index.html',
  ])('answers %s with 404 and never the file outside', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toMatch(/password|sibling/);
  });

  it('keeps every resolved path inside the renderer folder', () => {
    expect(rendererFileFor('cuelight://app/assets/index-abc.js', root)).toBe(path.join(root, 'assets', 'index-abc.js'));
    // The URL parser already folds `..` and `%2e%2e` at the root, so they land inside, never above.
    expect(rendererFileFor('cuelight://app/a/%2e%2e/%2e%2e/secret.txt', root)).toBe(path.join(root, 'secret.txt'));
    expect(rendererFileFor('cuelight://app/%E0%A4%A', root)).toBeNull();
  });

  it('refuses writes', async () => {
    expect((await get('cuelight://app/index.html', 'POST')).status).toBe(405);
  });

  it('is registered under its scheme', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    serveRenderer({ handle: (scheme, handler) => handlers.set(scheme, handler) }, root);
    const response = await handlers.get(APP_SCHEME)!(new Request('cuelight://app/index.html'));
    expect(response.status).toBe(200);
  });

  it('is a standard, secure origin that keeps its CSP and stays unreadable cross-origin', () => {
    // corsEnabled would let any origin read the scheme's files; bypassCSP would void the policy.
    expect(APP_SCHEME_PRIVILEGES).toEqual({ scheme: 'cuelight', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });

  it('knows its own origin from look-alikes', () => {
    expect(isAppUrl('cuelight://app/index.html#/stage')).toBe(true);
    expect(isAppUrl('cuelight://app')).toBe(true);
    for (const url of ['cuelight://app.evil/', 'cuelight://evil/', 'https://app/', 'file:///index.html', 'devtools://devtools/x', 'about:blank', '', 'nope']) {
      expect(isAppUrl(url), url).toBe(false);
    }
  });
});

describe('the one CSP', () => {
  it('names no wildcard host and no scheme-wide source', () => {
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/\*|\bws:|\bwss:|\bhttps?:|unsafe-eval/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
  });

  it('is what the renderer page itself carries: no second policy in a meta tag', () => {
    const html = fs.readFileSync(path.join(__dirname, '../../renderer/index.html'), 'utf8');
    expect(html).not.toMatch(/Content-Security-Policy/i);
  });
});
