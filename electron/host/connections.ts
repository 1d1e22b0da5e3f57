/**
 * A slow or greedy client costs the others nothing: headers and bodies must arrive in bounded
 * time, and one address cannot hold more than its share of connections.
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

export function limitConnections(server: http.Server, perAddress = MAX_CONNECTIONS_PER_ADDRESS): void {
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.maxConnections = MAX_CONNECTIONS;
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > perAddress) return void socket.destroy();
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}

/** An HTTP server whose timeouts are checked every second (Node's default looks every 30 s). */
export function createLimitedServer(): http.Server {
  const server = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: 1_000 });
  limitConnections(server);
  return server;
}
