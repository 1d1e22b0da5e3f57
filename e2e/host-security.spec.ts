import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import WebSocket from 'ws';
import { authorized, request, SERVE, startHostProcess, type HostProcess } from './host-process';

// A stranger on the set network, or a web page elsewhere (DNS rebinding), must be refused before
// the host does any work; view-only callers learn nothing about the machine. No browser needed.

let host: HostProcess;
test.beforeAll(async () => {
  host = await startHostProcess(['--test-clock', '--allow-host', 'cuelight.set']);
});
test.afterAll(async () => {
  await host.stop();
});

const json = (reply: { body: string }) => JSON.parse(reply.body) as { ok: boolean; value?: Record<string, unknown>; error?: { message: string } };

/** Opens a WebSocket with these headers; resolves with the HTTP status of a refused upgrade, or 101. */
function upgradeStatus(url: string, headers: { origin?: string; host?: string }): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${url.replace('http', 'ws')}/ws`, { ...(headers.origin ? { origin: headers.origin } : {}), headers: headers.host ? { host: headers.host } : {} });
    socket.on('open', () => {
      socket.close();
      resolve(101);
    });
    socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.on('error', () => resolve(0));
  });
}

test('a request addressed to another name (DNS rebinding) is refused with 403, pages and API alike', async () => {
  for (const path of ['/api/listPlans', '/api/getBootstrap', '/api/exportPlans']) {
    const reply = await request(host.url, { path, headers: { host: `evil.example:${host.port}` }, body: '{"format":"csv"}' });
    expect(reply.status, path).toBe(403);
    expect(json(reply).error?.message).toContain('--allow-host');
  }
  expect((await request(host.url, { method: 'GET', path: '/', headers: { host: 'evil.example' } })).status).toBe(403);
  expect(await upgradeStatus(host.url, { host: `evil.example:${host.port}` })).toBe(403);
});

test("the host's own names and the ones given with --allow-host are answered", async () => {
  for (const name of ['localhost', '127.0.0.1', '[::1]', os.hostname(), 'cuelight.set', 'CUELIGHT.SET.']) {
    const reply = await request(host.url, { path: '/api/listPlans', headers: { host: `${name}:${host.port}` }, body: '{}' });
    expect(reply.status, name).toBe(200);
  }
});

test('a page from another origin, or a sandboxed page (Origin: null), can neither call nor listen', async () => {
  for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${host.port + 1}`, 'file://']) {
    const reply = await request(host.url, { path: '/api/listPlans', headers: { origin }, body: '{}' });
    expect(reply.status, origin).toBe(403);
    expect(await upgradeStatus(host.url, { origin }), origin).toBe(403);
  }
  // The host's own pages, and tools that send no Origin, are answered.
  expect((await request(host.url, { path: '/api/listPlans', headers: { origin: host.url }, body: '{}' })).status).toBe(200);
  expect(await upgradeStatus(host.url, { origin: host.url })).toBe(101);
  expect(await upgradeStatus(host.url, {})).toBe(101);
});

test("a view-only caller does not learn the data folder's path; the operator does", async () => {
  const viewOnly = await request(host.url, { path: '/api/getBootstrap', body: '{}' });
  expect(json(viewOnly)).toMatchObject({ ok: true, value: { canControl: false, dataDir: '' } });
  expect(viewOnly.body).not.toContain(host.dataDir);
  const operator = await request(host.url, { path: '/api/getBootstrap', headers: authorized, body: '{}' });
  expect(json(operator)).toMatchObject({ ok: true, value: { canControl: true, dataDir: host.dataDir } });
});

test('a malformed %-escape in a page address answers 400 and logs nothing', async () => {
  const before = host.output();
  for (const path of ['/%', '/%zz', '/assets/%E0%A4%A']) {
    expect((await request(host.url, { method: 'GET', path })).status, path).toBe(400);
  }
  expect((await request(host.url, { method: 'GET', path: '/stage' })).status).toBe(200);
  expect(host.output()).toBe(before);
});

test('the test clock moves only with the control token', async () => {
  const stranger = await request(host.url, { path: '/test/clock', body: JSON.stringify({ advance: 60_000 }) });
  expect(stranger.status).toBe(401);
  const before = json(await request(host.url, { path: '/test/clock', headers: authorized, body: '{}' })).value?.now as number;
  const after = json(await request(host.url, { path: '/test/clock', headers: authorized, body: JSON.stringify({ advance: 1_000 }) })).value?.now as number;
  expect(after - before).toBe(1_000);
});

test('--help documents --allow-host', () => {
  const help = spawnSync(process.execPath, [SERVE, '--help'], { encoding: 'utf8' });
  expect(help.stdout).toContain('--allow-host <name>');
});
