/**
 * A slow or greedy client costs the others nothing: headers and bodies must arrive in bounded
 * time, and one address cannot hold more than its share of connections. At that share, a new
 * connection from the address closes the address's oldest one that is not in a request (a
 * half-sent header, an idle keep-alive, a refusal lingering), so a flood of slow or refused
 * connections can never lock out the operator's next command from the same machine. Connections
 * in a request and event WebSockets are never closed for it; with every one of them busy, the new
 * connection is refused instead.
 */
import http from 'node:http';
import type { Socket } from 'node:net';

/** A set with every department's phones and several displays stays far below this per address. */
export const MAX_CONNECTIONS_PER_ADDRESS = 128;
/** All addresses together: the host keeps answering the show with this many sockets open. */
export const MAX_CONNECTIONS = 4096;
/** Headers arrive in one go from a real client; a 10 MB import over a weak Wi-Fi needs far less than a minute. */
export const HEADERS_TIMEOUT_MS = 10_000;
export const REQUEST_TIMEOUT_MS = 60_000;

interface Tracked {
  socket: Socket;
  /** In a request, or an upgraded (WebSocket) connection: not to be closed for a newcomer. */
  busy: boolean;
}

export function limitConnections(server: http.Server, perAddress = MAX_CONNECTIONS_PER_ADDRESS): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;
  const byAddress = new Map<string, Set<Tracked>>(); // each set in arrival order: oldest first
  const bySocket = new WeakMap<Socket, Tracked>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    let open = byAddress.get(address);
    if (!open) byAddress.set(address, (open = new Set()));
    if (open.size >= perAddress) {
      const oldestIdle = [...open].find((t) => !t.busy);
      if (!oldestIdle) return void socket.destroy();
      open.delete(oldestIdle);
      oldestIdle.socket.destroy();
    }
    const tracked: Tracked = { socket, busy: false };
    open.add(tracked);
    bySocket.set(socket, tracked);
    socket.once('close', () => {
      open.delete(tracked);
      if (open.size === 0 && byAddress.get(address) === open) byAddress.delete(address);
    });
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const tracked = bySocket.get(req.socket);
    if (!tracked) return;
    tracked.busy = true;
    res.once('finish', () => (tracked.busy = false));
  });
  server.on('upgrade', (req: http.IncomingMessage) => {
    const tracked = bySocket.get(req.socket);
    if (tracked) tracked.busy = true;
  });
}

/** An HTTP server whose timeouts are checked every second (Node's default looks every 30 s). */
export function createLimitedServer(): http.Server {
  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 });
  limitConnections(server);
  return server;
}
