// A delay proxy for the lan bench: HTTP passes straight through; the one WebSocket is carried
// message by message with a delay per direction, order kept (as TCP keeps it), so a display
// sees a set network: jitter, spikes on its clock pings, an uplink held back for a while.
import http from 'node:http';
import { WebSocket, WebSocketServer } from 'ws';

/**
 * `delays.down(message)` and `delays.up(message)` give ms for one message host→page and
 * page→host (message: the parsed JSON); `delays.upHeldUntil()` (optional) an epoch ms before
 * which nothing goes up. Resolves to { url, close }.
 */
export async function startDelayProxy(target, delays) {
  const targetUrl = new URL(target);
  const server = http.createServer((req, res) => {
    const upstream = http.request(
      { host: targetUrl.hostname, port: targetUrl.port, path: req.url, method: req.method, headers: { ...req.headers, host: targetUrl.host, ...(req.headers.origin ? { origin: target } : {}) } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  const sockets = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    sockets.handleUpgrade(req, socket, head, (page) => {
      const host = new WebSocket(`${target.replace(/^http/, 'ws')}${req.url}`, { origin: target });
      const pending = [];
      host.on('open', () => pending.splice(0).forEach((m) => host.send(m)));
      const lane = (send, delayOf, heldUntil) => {
        let last = 0;
        return (data) => {
          const text = String(data);
          let parsed = null;
          try {
            parsed = JSON.parse(text);
          } catch {
            // not JSON: forwarded as it is
          }
          const at = Math.max(last, Date.now() + delayOf(parsed), heldUntil ? heldUntil() : 0);
          last = at;
          setTimeout(() => send(text), at - Date.now());
        };
      };
      host.on('message', lane((text) => page.readyState === page.OPEN && page.send(text), delays.down));
      page.on(
        'message',
        lane((text) => (host.readyState === host.OPEN ? host.send(text) : pending.push(text)), delays.up, delays.upHeldUntil),
      );
      host.on('close', () => page.close());
      page.on('close', () => host.close());
      host.on('error', () => page.terminate());
      page.on('error', () => host.terminate());
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () =>
      new Promise((resolve) => {
        for (const client of sockets.clients) client.terminate();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
