import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { httpAction } from '../../../shared/contract/triggers';
import { type TakeFields, render, renderJson } from './fields';
import { type ActionOutcome, type ArmedAction, describeNetworkError, failed } from './action';

type HttpAction = z.output<typeof httpAction>;

interface Prepared {
  url: URL;
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
}

function prepare(action: HttpAction, fields: TakeFields): Prepared | string {
  let url: URL;
  try {
    url = new URL(render(action.url, fields, encodeURIComponent));
  } catch {
    return `The address ${action.url} is not a valid URL`;
  }
  const body = action.body.trim() === '' ? undefined : renderJson(action.body, fields);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(action.headers)) headers[name] = render(value, fields);
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) headers['content-type'] = 'application/json';
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return { url, target: `HTTP ${url.host}`, headers, body };
}

/** Opens the connection ahead, as Node's client would (TLS for https). */
function connect(url: URL): net.Socket {
  const secure = url.protocol === 'https:';
  const port = Number(url.port || (secure ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const socket = secure ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host }) : net.connect(port, host);
  socket.setNoDelay(true);
  return socket;
}

/**
 * Node's own HTTP client, made ready ahead: the request object is built on a connection opened
 * before the moment, so firing only writes its headers and body. A connection the receiver closed
 * meanwhile is replaced by a fresh request when it fires (late, and its lateness is recorded).
 */
export function armHttp(action: HttpAction, fields: TakeFields, clock: Clock, connectAhead: boolean): ArmedAction {
  const prepared = prepare(action, fields);
  if (typeof prepared === 'string') return { fire: () => Promise.resolve(failed(prepared)), dispose: () => {} };
  const { url, target, headers, body } = prepared;
  let settle: ((outcome: ActionOutcome) => void) | null = null;
  let sentAt: number | null = null;
  let broken = false;

  const build = (socket: net.Socket | null) => {
    const request = (url.protocol === 'https:' ? https : http).request(url, {
      method: action.method,
      headers,
      agent: false,
      ...(socket ? { createConnection: () => socket } : {}),
    });
    request.on('response', (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      const detail = `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`;
      settle?.(status >= 200 && status < 300 ? { status: 'acknowledged', detail, sentAt } : failed(detail, sentAt));
      response.on('end', () => request.destroy());
    });
    request.on('error', (error) => {
      if (settle) settle(failed(describeNetworkError(error, target), sentAt));
      else broken = true; // before the moment: fire builds a fresh request
    });
    return request;
  };
  const ahead = connectAhead ? build(connect(url)) : null;

  return {
    fire() {
      return new Promise((resolve) => {
        const timer = setTimeout(() => request.destroy(new Error(`no answer within ${action.timeoutMs} ms`)), action.timeoutMs);
        settle = (outcome) => {
          clearTimeout(timer);
          settle = null;
          resolve(outcome);
        };
        sentAt = clock.now();
        const request = ahead && !broken ? ahead : build(null);
        if (ahead && broken) ahead.destroy();
        request.end(body);
      });
    },
    dispose() {
      ahead?.destroy();
    },
  };
}
