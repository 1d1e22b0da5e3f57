import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { z } from 'zod';
import { methods, methodNames } from '../../shared/api';
import { needsControl } from '../../shared/contract/method';
import type { Core } from '../core/core';
import type { ManualClock } from '../core/clock';
import { dispatch } from '../core/dispatch';
import { serveStatic } from './static';
import { refusalFor } from './origin';
import { bodyLimitFor, busyRefusal, declaredSizeRefusal, isBigUpload, lingerThenClose, parseJson, plainRefusal, readBody, SMALL_BODY_BYTES, UploadSlots, type BodyRefusal } from './body';
import { attachEventSockets } from './websocket';
import { createLimitedServer } from './connections';
import { openApiDocument } from './openapi';
import { SerialisedAnswer } from '../../shared/serialised-answer';
import { ANSWER_CHUNK_BYTES, writeInTurns } from './write-in-turns';
import { UnreadJson } from '../core/unread-json';
import type { Envelope } from '../../shared/api';
import { ReadQueue } from './read-queue';
import { StoredReads } from './stored-reads';

export interface HostOptions {
  core: Core;
  rendererDir: string;
  /**
   * Fixes the operator token for this run (--token). Without it, callers must present the one kept
   * in the database (core.operatorLink), which the console can rotate.
   */
  token?: string | undefined;
  /** The names and addresses this host answers to (see origin.ts). */
  allowedHosts: ReadonlySet<string>;
  /** Only with --test-clock: the clock that POST /test/clock moves. */
  testClock?: ManualClock;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendBytes(res, status, JSON.stringify(body), headers);
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' } as const;

function sendBytes(res: http.ServerResponse, status: number, json: string | Buffer, headers: Record<string, string> = {}): void {
  // A kept answer can be megabytes (the plan list of a big shoot): written a chunk a turn.
  if (typeof json !== 'string' && json.length > ANSWER_CHUNK_BYTES) return sendInTurns(res, status, [json], headers);
  res.writeHead(status, { ...JSON_HEADERS, ...headers });
  res.end(json);
}

/** A JSON body already in bytes, with its length, handed to the socket one chunk a turn (write-in-turns.ts). */
function sendInTurns(res: http.ServerResponse, status: number, parts: readonly Uint8Array[], headers: Record<string, string> = {}): void {
  const length = parts.reduce((sum, part) => sum + part.length, 0);
  res.writeHead(status, { ...JSON_HEADERS, ...headers, 'content-length': String(length) });
  writeInTurns(res, parts);
}

/** A method's envelope, with the HTTP status its error means. */
function sendEnvelope(res: http.ServerResponse, envelope: Envelope<unknown>): void {
  if (envelope.ok && envelope.value instanceof SerialisedAnswer) return sendSerialised(res, envelope.value);
  const status = envelope.ok ? 200 : { not_found: 404, unauthorized: 401, internal: 500 }[envelope.error.code as string] ?? 400;
  sendJson(res, status, envelope);
}

/** An answer a worker already wrote as JSON, sent as it is inside its envelope, a chunk a turn. */
function sendSerialised(res: http.ServerResponse, answer: SerialisedAnswer<unknown>): void {
  sendInTurns(res, 200, [Buffer.from('{"ok":true,"value":'), answer.json, Buffer.from('}')]);
}

/** Answers without reading (the rest of) the body, which is then dropped for a moment at most. */
function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: BodyRefusal): void {
  lingerThenClose(req, res);
  sendJson(res, refusal.status, { ok: false, error: refusal.error }, refusal.headers);
}

/** Whether the caller presents the operator's token (Bearer) as it is now: a rotated one no longer counts. */
function hasToken(req: http.IncomingMessage, core: Core): boolean {
  return core.operatorLink.matches((req.headers.authorization ?? '').replace(/^Bearer\s+/i, ''));
}

/** Lists every method with its input as JSON Schema, for people scripting the set. */
function describeApi() {
  return methodNames.map((name) => ({
    name,
    path: `/api/${name}`,
    mutates: methods[name].mutates,
    access: methods[name].access,
    input: z.toJSONSchema(methods[name].input, { io: 'input', unrepresentable: 'any' }),
  }));
}

const isMethodName = (name: string): name is keyof typeof methods => Object.hasOwn(methods, name);

/**
 * Opens the port before anything else (the database, its lock), so a busy port leaves nothing
 * behind; until the core is attached the host answers 503.
 */
export function openPort(port: number, host: string): Promise<http.Server> {
  const server = createLimitedServer();
  const starting = (_req: http.IncomingMessage, res: http.ServerResponse) =>
    sendJson(res, 503, { ok: false, error: { code: 'conflict', message: 'The host is starting: try again in a moment' } }, { 'retry-after': '1' });
  // A WebSocket asking meanwhile (a display reconnecting) is refused too: with no 'upgrade'
  // listener Node would leave it hanging, and a display that hangs never tries again.
  const startingUpgrade = (_req: http.IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {});
    socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
  };
  server.on('request', starting);
  server.on('upgrade', startingUpgrade);
  // The loop runs while the store is checked in a worker: requests meanwhile get the 503, until createHost.
  answeringStarting.set(server, () => {
    server.off('request', starting);
    server.off('upgrade', startingUpgrade);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Stops each port's 503s (requests and WebSockets) once its host is attached. */
const answeringStarting = new WeakMap<http.Server, () => void>();

/** Serves the API, the events WebSocket and the built renderer on a listening server. */
export function createHost(server: http.Server, options: HostOptions) {
  const { core, allowedHosts } = options;
  if (options.token !== undefined) core.operatorLink.fixTo(options.token);
  const uploads = new UploadSlots();
  const reads = new ReadQueue();
  const storedReads = new StoredReads();
  const refuseOrigin = (req: http.IncomingMessage) => refusalFor({ host: req.headers.host, origin: req.headers.origin }, allowedHosts);

  /**
   * Reads a JSON body within `limit`, holding an upload slot while a big one streams in. A body a
   * big method takes stays unread here: its worker parses it, off the countdown's loop.
   */
  async function readJson(req: http.IncomingMessage, res: http.ServerResponse, limit: number): Promise<{ value: unknown } | null> {
    const declared = declaredSizeRefusal(req, limit);
    if (declared) return refuse(req, res, declared), null;
    const release = isBigUpload(req) && limit > SMALL_BODY_BYTES ? uploads.take() : () => {};
    if (!release) return refuse(req, res, busyRefusal()), null;
    res.once('close', release);
    const body = await readBody(req, limit);
    if (!body.ok) return refuse(req, res, body.refusal), null;
    if (limit > SMALL_BODY_BYTES) return { value: new UnreadJson(body.bytes) };
    const json = parseJson(body.bytes);
    if (!json.ok) return refuse(req, res, json.refusal), null;
    return { value: json.value };
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return refuse(req, res, plainRefusal(405, 'Use POST with a JSON body'));
    if (!isMethodName(name)) return refuse(req, res, plainRefusal(404, `Unknown method "${name}": GET /api lists them`));
    const canControl = hasToken(req, core);
    if (needsControl(methods[name]) && !canControl) {
      // A caller without the token cannot change anything, so its body is never read: dispatch refuses it by name alone.
      const envelope = await dispatch(core, name, undefined, { canControl });
      return refuse(req, res, { status: 401, error: envelope.ok ? { code: 'unauthorized', message: 'Send the control token' } : envelope.error });
    }
    const body = await readJson(req, res, bodyLimitFor(name));
    if (!body) return;
    const answer = async () => {
      if (res.destroyed) return; // its client went away while it waited
      const call = () => dispatch(core, name, body.value, { canControl });
      const kept = await storedReads.answer(core.db, name, body.value, call);
      if (Buffer.isBuffer(kept)) return sendBytes(res, 200, kept);
      sendEnvelope(res, kept?.envelope ?? (await call()));
    };
    // Commands and changes are answered at once; reads take their turn (read-queue.ts).
    if (methods[name].mutates) return answer();
    reads.add(req.socket, answer);
  }

  async function handleTestClock(req: http.IncomingMessage, res: http.ServerResponse, clock: ManualClock): Promise<void> {
    if (!hasToken(req, core)) return refuse(req, res, plainRefusal(401, 'Moving the test clock needs the control token'));
    const body = await readJson(req, res, SMALL_BODY_BYTES);
    if (!body) return;
    const input = z.object({ set: z.number().optional(), advance: z.number().optional() }).safeParse(body.value);
    if (!input.success) return sendJson(res, 400, { ok: false, error: { code: 'invalid_input', message: 'Send {set} or {advance}' } });
    if (input.data.set !== undefined) clock.set(input.data.set);
    if (input.data.advance !== undefined) clock.advance(input.data.advance);
    sendJson(res, 200, { ok: true, value: { now: clock.now() } });
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const refusal = refuseOrigin(req);
    const url = new URL(req.url ?? '/', 'http://host');
    if (refusal && !url.pathname.startsWith('/api')) {
      // A person who typed an unknown name for the host reads this in the browser.
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(`${refusal}\n`);
    }
    if (refusal) return refuse(req, res, plainRefusal(403, refusal));
    if (url.pathname === '/api' && req.method === 'GET') return sendJson(res, 200, { ok: true, value: describeApi() });
    if (url.pathname === '/api/openapi.json' && req.method === 'GET') return sendJson(res, 200, await openApiDocument(core));
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice(5));
    if (url.pathname === '/test/clock' && options.testClock && req.method === 'POST') return handleTestClock(req, res, options.testClock);
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(req, res, plainRefusal(405, 'Not allowed'));
    serveStatic(options.rendererDir, req, res);
  }

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse) => {
    handle(req, res).catch((error: unknown) => {
      console.error('Request failed:', error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: { code: 'internal', message: 'The host failed to answer; try again' } });
    });
  };
  answeringStarting.get(server)?.();
  answeringStarting.delete(server);
  server.on('request', onRequest);
  const events = attachEventSockets({ core, server, refuse: refuseOrigin });

  return {
    server,
    address: () => server.address() as AddressInfo,
    async close(): Promise<void> {
      events.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's kept-alive or in-flight connection must not hold the host open on quit.
      server.closeAllConnections();
      await closed;
    },
  };
}
