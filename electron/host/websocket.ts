/**
 * Events out and clock-sync pings in, over one WebSocket per display. Every client is a stranger:
 * a bad frame closes only its own socket (ws picks the close code), and a client that does not
 * read its events is dropped rather than buffered for without end.
 */
import { performance } from 'node:perf_hooks';
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { events, type EventName, type Events } from '../../shared/api';
import { OPERATOR_LINK_REPLACED, operatorHello } from '../../shared/contract/network';
import type { Core } from '../core/core';

/** Countdown events and pings are tiny; anything bigger is a mistake or an attack (closed with 1009). */
export const MAX_FRAME_BYTES = 64 * 1024;
/** A display this far behind on its events is gone or hostile: it reconnects and gets a fresh snapshot. */
export const MAX_SEND_BUFFER_BYTES = 1024 * 1024;
/** Hello and sync frames a display may send in a burst, and per second after it (it needs one per 2 s). */
export const DEVICE_FRAME_BURST = 8;
export const DEVICE_FRAMES_PER_SECOND = 2;

/** A token bucket: a client past its pace has its frames ignored, costing the host next to nothing. */
export function frameBudget(now: () => number, burst = DEVICE_FRAME_BURST, perSecond = DEVICE_FRAMES_PER_SECOND): () => boolean {
  let tokens = burst;
  let at = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - at) / 1000) * perSecond);
    at = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

export interface EventSocketsOptions {
  core: Core;
  server: http.Server;
  /** Why an upgrade is refused (403), or null to accept it. */
  refuse: (req: http.IncomingMessage) => string | null;
}

/** Sends one frame, or drops a client whose unsent frames already pass the bound. */
export function sendFrame(socket: WebSocket, frame: string): void {
  if (socket.readyState !== socket.OPEN) return;
  if (socket.bufferedAmount > MAX_SEND_BUFFER_BYTES) return void socket.terminate();
  socket.send(frame);
}

function refuseUpgrade(socket: Duplex, status: string, message: string): void {
  const body = `${message}\n`;
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

export function attachEventSockets({ core, server, refuse }: EventSocketsOptions) {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // A reset during the handshake must not become an unhandled 'error'.
    socket.on('error', () => socket.destroy());
    if (new URL(req.url ?? '/', 'http://host').pathname !== '/ws') return refuseUpgrade(socket, '404 Not Found', 'Events are served at /ws');
    const refusal = refuse(req);
    if (refusal) return refuseUpgrade(socket, '403 Forbidden', refusal);
    sockets.handleUpgrade(req, socket, head, (client) => sockets.emit('connection', client, req));
  });

  /** Consoles that presented the operator's token: a rotation closes them all at once. */
  const operators = new Set<WebSocket>();
  const replaced = (socket: WebSocket) => socket.close(OPERATOR_LINK_REPLACED, 'operator link replaced');
  const offRotate = core.operatorLink.onRotate(() => {
    operators.forEach(replaced);
    operators.clear();
  });

  let nextConnection = 1;
  sockets.on('connection', (socket: WebSocket, req: http.IncomingMessage) => {
    const connection = nextConnection++;
    const address = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    const budget = frameBudget(() => performance.now());
    // ws reports a bad frame here once it has closed that socket (1002, 1007, 1009); unheard, it would crash the host.
    socket.on('error', () => {});
    socket.on('close', () => {
      core.devices.leave(connection);
      operators.delete(socket);
    });
    // The state a display shows, as its first frames: an event sent before this socket opened (a hold
    // that began while the page loaded) would otherwise be missed until the next change.
    sendFrame(socket, JSON.stringify({ type: 'event', name: 'countdown', payload: core.api.getCountdown(undefined, { canControl: false }) }));
    sendFrame(socket, JSON.stringify({ type: 'event', name: 'readiness', payload: core.api.getReadiness(undefined, { canControl: false }) }));
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      let message: { type?: unknown; id?: unknown; t0?: unknown } | null;
      try {
        message = JSON.parse(String(data)) as typeof message;
      } catch {
        return;
      }
      // Clock sync: the client estimates its offset to the host from t0, hostNow and its receive time.
      if (message?.type === 'ping') return sendFrame(socket, JSON.stringify({ type: 'pong', id: message.id, t0: message.t0, hostNow: core.clock.preciseNow?.() ?? core.clock.now() }));
      // A display says who it is, then how sure its clock is; the core checks each frame's shape and bounds.
      // An operator console says whose link it opened; a token that is not the operator's (any more) is told so and closed.
      if (message?.type === 'operator' && budget()) {
        const frame = operatorHello.safeParse(message);
        if (frame.success && core.operatorLink.matches(frame.data.token)) operators.add(socket);
        else replaced(socket);
        return;
      }
      if ((message?.type === 'hello' || message?.type === 'sync') && budget()) {
        if (message.type === 'hello') core.devices.hello(connection, address, message);
        else core.devices.report(connection, message);
      }
    });
  });

  const forward = <E extends EventName>(name: E) =>
    core.events.on(name, (payload: Events[E]) => {
      const frame = JSON.stringify({ type: 'event', name, payload });
      for (const client of sockets.clients) sendFrame(client, frame);
    });
  // Every event the contract declares goes out: a new one needs no change here.
  const unsubscribe = (Object.keys(events) as EventName[]).map(forward);

  return {
    close(): void {
      unsubscribe.forEach((off) => off());
      offRotate();
      for (const client of sockets.clients) client.terminate();
      sockets.close();
    },
  };
}
