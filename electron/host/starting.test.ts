import { describe, it, expect, afterEach } from 'vitest';
import type http from 'node:http';
import WebSocket from 'ws';
import { Harness } from '../core/test-harness';
import { allowedHostNames } from './origin';
import { createHost, openPort } from './server';

// The port opens before the store (a busy port leaves nothing behind), and the store is checked in
// a worker while the loop runs: a client that asks meanwhile is told to retry, never left hanging.

let h: Harness | undefined;
let server: http.Server | undefined;
afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await h?.dispose();
});

describe('a host that is still starting', () => {
  it('answers 503 with retry-after until the core is attached, then serves', async () => {
    server = await openPort(0, '127.0.0.1');
    const { port } = server.address() as { port: number };
    const url = `http://127.0.0.1:${port}/api`;
    const starting = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    expect(starting.status).toBe(503);
    expect(starting.headers.get('retry-after')).toBe('1');
    expect(await starting.json()).toMatchObject({ ok: false, error: { message: /starting/ } });

    h = new Harness();
    createHost(server, { core: h.core, token: 'x', rendererDir: h.dataDir, allowedHosts: allowedHostNames({ bound: '127.0.0.1', extra: [] }) });
    const served = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    expect(served.status).toBe(200);
  });

  it('refuses a WebSocket with 503 while starting (a display then tries again), and accepts one once attached', async () => {
    server = await openPort(0, '127.0.0.1');
    const { port } = server.address() as { port: number };
    const attempt = () =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/ws`);
        const timer = setTimeout(() => resolve('left hanging'), 3_000);
        const settle = (outcome: string) => {
          clearTimeout(timer);
          socket.terminate();
          resolve(outcome);
        };
        socket.on('open', () => settle('open'));
        socket.on('unexpected-response', (_req, res) => settle(`status ${res.statusCode}`));
        socket.on('error', (error) => settle(`error ${error.message}`));
      });
    expect(await attempt()).toBe('status 503');

    h = new Harness();
    createHost(server, { core: h.core, token: 'x', rendererDir: h.dataDir, allowedHosts: allowedHostNames({ bound: '127.0.0.1', extra: [] }) });
    expect(await attempt()).toBe('open');
  });
});
