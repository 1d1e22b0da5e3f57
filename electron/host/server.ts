import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { methods, methodNames } from '../../shared/api';
import type { EventName, Events } from '../../shared/api';
import type { Core } from '../core/core';
import type { ManualClock } from '../core/clock';
import { dispatch } from '../core/dispatch';
import { serveStatic } from './static';
import { openApiDocument } from './openapi';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  /** Callers must present this token (Bearer) to change data or the countdown. */
  token: string;
  /** Only with --test-clock: the clock that POST /test/clock moves. */
  testClock?: ManualClock;
}

/** Room for a 10 MB plan import (the contract's own limit) in its JSON envelope. */
const MAX_BODY = 12_000_000;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(json);
}

async function readJson(req: http.IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, message: 'The request body is larger than 12 MB: split the file and import it in parts' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'The request body must be JSON' };
  }
}

function hasToken(req: http.IncomingMessage, token: string): boolean {
  const given = (req.headers.authorization ?? '').replace(/^Bearer\s+/i, '');
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Lists every method with its input as JSON Schema, for people scripting the set. */
function describeApi() {
  return methodNames.map((name) => ({
    name,
    path: `/api/${name}`,
    mutates: methods[name].mutates,
    input: z.toJSONSchema(methods[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}

export function createHost(options: HostOptions) {
  const { core, token } = options;
  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer; try again' } });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, { ok: true, value: describeApi() });
    if (url.pathname === '/api/openapi.json' && req.method === 'GET') return sendJson(res, 200, await openApiDocument(core));
    if (url.pathname.startsWith('/api/')) {
      if (req.method !== 'POST') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Use POST with a JSON body' } });
      const body = await readJson(req);
      if (!body.ok) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: body.message } });
      const envelope = await dispatch(core, url.pathname.slice(5), body.value, { canControl: hasToken(req, token) });
      const status = envelope.ok ? 200 : { not_found: 404, unauthorized: 401, internal: 500 }[envelope.error.code as string] ?? 400;
      return sendJson(res, status, envelope);
    }
    if (url.pathname === '/test/clock' && options.testClock && req.method === 'POST') {
      const body = await readJson(req);
      const input = z.object({ set: z.number().optional(), advance: z.number().optional() }).safeParse(body.ok ? body.value : null);
      if (!input.success) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Send {set} or {advance}' } });
      if (input.data.set !== undefined) options.testClock.set(input.data.set);
      if (input.data.advance !== undefined) options.testClock.advance(input.data.advance);
      return sendJson(res, 200, { ok: true, value: { now: options.testClock.now() } });
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { ok: false, error: { code: 'invalid_input', message: 'Not allowed' } });
    serveStatic(options.rendererDir, req, res);
  }

  const sockets = new WebSocketServer({ server, path: '/ws', maxPayload: 64 * 1024 });
  sockets.on('connection', (socket: WebSocket) => {
    socket.send(JSON.stringify({ type: 'event', name: 'countdown', payload: core.api.getCountdown(undefined, { canControl: false }) }));
    socket.on('message', (data) => {
      let message: { type?: unknown; id?: unknown; t0?: unknown };
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      // Clock sync: the client estimates its offset to the host from t0, hostNow and its receive time.
      if (message.type === 'ping') socket.send(JSON.stringify({ type: 'pong', id: message.id, t0: message.t0, hostNow: core.clock.now() }));
    });
  });

  const forward = <E extends EventName>(name: E) =>
    core.events.on(name, (payload: Events[E]) => {
      const frame = JSON.stringify({ type: 'event', name, payload });
      for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame);
    });
  const unsubscribe = [forward('countdown'), forward('dataChanged'), forward('triggerResult')];

  return {
    server,
    listen(port: number, host: string): Promise<AddressInfo> {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve(server.address() as AddressInfo));
      });
    },
    async close(): Promise<void> {
      unsubscribe.forEach((off) => off());
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's kept-alive or in-flight connection must not hold the host open on quit.
      server.closeAllConnections();
      await closed;
    },
  };
}
