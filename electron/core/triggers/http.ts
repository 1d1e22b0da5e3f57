import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { httpAction } from '../../../shared/contract/triggers';
import { type TakeFields, render, renderJson } from './fields';
import { type ArmedAction, describeNetworkError, failed } from './action';

type HttpAction = z.output<typeof httpAction>;

/**
 * The request is rendered and its connection opened ahead of the moment; at the moment Node's own
 * client writes it on that connection (or a fresh one if the receiver closed it meanwhile).
 */
export function armHttp(action: HttpAction, fields: TakeFields, clock: Clock, connectAhead: boolean): ArmedAction {
  let url: URL;
  try {
    url = new URL(render(action.url, fields, encodeURIComponent));
  } catch {
    return { fire: () => Promise.resolve(failed(`The address ${action.url} is not a valid URL`)), dispose: () => {} };
  }
  const target = `HTTP ${url.host}`;
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const body = action.body.trim() === '' ? undefined : renderJson(action.body, fields);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(action.headers)) headers[name] = render(value, fields);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';

  let socket: net.Socket | null = null;
  if (connectAhead) {
    socket = secure ? tls.connect({ host: hostname, port, servername: net.isIP(hostname) ? undefined : hostname }) : net.connect(port, hostname);
    socket.setNoDelay(true);
    socket.on('error', () => socket?.destroy()); // a refused or dropped connection: fire opens a fresh one
  }
  const usable = () => socket !== null && !socket.destroyed && (socket.readyState === 'open' || socket.readyState === 'opening');

  return {
    fire() {
      return new Promise((resolve) => {
        const sentAt = clock.now();
        const ready = usable() ? socket! : null;
        const request = (secure ? https : http).request(url, {
          method: action.method,
          headers,
          agent: false,
          ...(ready ? { createConnection: () => ready } : {}),
        });
        const timer = setTimeout(() => request.destroy(new Error(`no answer within ${action.timeoutMs} ms`)), action.timeoutMs);
        request.on('response', (response) => {
          response.resume();
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          const detail = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
          resolve(status >= 200 && status < 300 ? { status: 'acknowledged', detail, sentAt } : failed(detail, sentAt));
          response.on('end', () => request.destroy());
        });
        request.on('error', (error) => {
          clearTimeout(timer);
          resolve(failed(describeNetworkError(error, target), sentAt));
        });
        request.end(body);
      });
    },
    dispose() {
      socket?.destroy();
    },
  };
}
