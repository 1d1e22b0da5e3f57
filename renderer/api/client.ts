/**
 * The renderer's one way to the host. It picks its transport once at start: Electron IPC through
 * the preload's `window.cuelight`, or HTTP + one WebSocket when served by the headless host.
 * Nothing else in the renderer touches a transport.
 */
import { methodNames } from '../../shared/api';
import type { ApiClient, ApiError, Envelope, EventName, Events, MethodName } from '../../shared/api';
import type { CuelightBridge } from '../../shared/bridge';
import { checkLink, hostIsThisMachine, linkClosed, linkOpened, pageNow, pongReceived } from './hostClock';
import type { Language } from '../../shared/i18n/index';
import { describeRefusal } from '../../shared/i18n/refusal';
import { parseHostFrame } from './frames';
import { OPERATOR_LINK_REPLACED } from '../../shared/contract/network';

declare global {
  interface Window {
    cuelight?: CuelightBridge;
  }
}

/** The language a refused call's reason is worded in; the UI store keeps it current. */
let refusalLanguage: Language = 'en';
export function setRefusalLanguage(language: Language): void {
  refusalLanguage = language;
}

/** A refused call. Its message is the host's reason in the UI's language (the English one is in `error`). */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(describeRefusal(refusalLanguage, error));
  }
}

type Listener<E extends EventName> = (payload: Events[E]) => void;
const listeners = new Map<EventName, Set<Listener<never>>>();

export function onEvent<E extends EventName>(name: E, fn: Listener<E>): () => void {
  const set = listeners.get(name) ?? new Set();
  set.add(fn as Listener<never>);
  listeners.set(name, set);
  return () => set.delete(fn as Listener<never>);
}

function emit<E extends EventName>(name: E, payload: Events[E]): void {
  for (const fn of listeners.get(name) ?? []) (fn as Listener<E>)(payload);
}

export { clockStatus, hostClockUncertainty, hostNow, onClockOffset, onClockStatus } from './hostClock';
export type { ClockStatus } from './hostClock';

const TOKEN_KEY = 'cuelight.token';

/** The control token arrives once in the operator link (?token=) and is kept, then hidden from the URL. */
function controlToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    localStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return localStorage.getItem(TOKEN_KEY) ?? '';
}

function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new ApiCallError(envelope.error);
}

function ipcClient(bridge: CuelightBridge): ApiClient {
  hostIsThisMachine();
  bridge.onCountdown((snapshot) => emit('countdown', snapshot));
  bridge.onDataChanged((change) => emit('dataChanged', change));
  bridge.onProgress((progress) => emit('progress', progress));
  bridge.onTriggerResult((result) => emit('triggerResult', result));
  bridge.onReadiness((board) => emit('readiness', board));
  const client = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const name of methodNames) {
    const call = bridge[name] as (input: unknown) => Promise<Envelope<unknown>>;
    client[name] = async (input) => unwrap(await call(input));
  }
  return client as ApiClient;
}

/** The operator token this console uses now: replaced in place when this console rotates it. */
let token = '';
/** While this console rotates the token: the socket closed by that rotation waits for the new one. */
let rotating: Promise<unknown> | null = null;
let linkReplaced = false;
const replacedListeners = new Set<() => void>();

/** True once the host said this console's operator link was replaced: it must ask for the new one. */
export function operatorLinkReplaced(): boolean {
  return linkReplaced;
}

export function onOperatorLinkReplaced(fn: () => void): () => void {
  replacedListeners.add(fn);
  return () => replacedListeners.delete(fn);
}

/**
 * Replaces the operator token from this console: every other console with the old link stops;
 * this one keeps working with the new token, which it returns for the operator to hand out.
 */
export async function rotateOperatorToken(): Promise<string> {
  const call = api.rotateOperatorToken({});
  rotating = call.catch(() => undefined);
  try {
    const fresh = (await call).token;
    token = fresh;
    localStorage.setItem(TOKEN_KEY, fresh);
    return fresh;
  } finally {
    rotating = null;
  }
}

function httpClient(): ApiClient {
  token = controlToken();
  const client = {} as Record<MethodName, (input: unknown) => Promise<unknown>>;
  for (const name of methodNames) {
    client[name] = async (input) => {
      let response: Response;
      try {
        response = await fetch(`/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        throw new ApiCallError({ code: 'internal', message: 'The Cuelight host cannot be reached; check it is running, then try again' });
      }
      return unwrap((await response.json()) as Envelope<unknown>);
    };
  }
  connectSocket();
  return client as ApiClient;
}

/** Pings: a quick burst when a socket opens or the host's clock stepped, then one a second. */
const PING_EVERY_MS = 1000;
const BURST = [0, 150, 300, 450, 600];

let openSocket: WebSocket | null = null;
const openListeners = new Set<() => void>();

/** Sends a frame on the events socket if it is open (a display's hello and sync reports). */
export function sendOnSocket(frame: object): void {
  if (openSocket?.readyState === WebSocket.OPEN) openSocket.send(JSON.stringify(frame));
}

/** Calls back each time the events socket (re)opens, so a display can say hello again. */
export function onSocketOpen(fn: () => void): () => void {
  openListeners.add(fn);
  return () => openListeners.delete(fn);
}

/** One WebSocket for events and clock sync; reconnects, starting the clock estimate afresh each time. */
function connectSocket(): void {
  const url = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}/ws`;
  let pingTimer: ReturnType<typeof setInterval> | undefined;
  const open = () => {
    const socket = new WebSocket(url);
    const ping = () => socket.readyState === WebSocket.OPEN && socket.send(JSON.stringify({ type: 'ping', t0: pageNow() }));
    const burst = () => BURST.forEach((at) => setTimeout(ping, at));
    // The token this socket presented: if the host closes it as replaced, was it this console's own rotation?
    const presented = token;
    socket.onopen = () => {
      openSocket = socket;
      // An operator console says whose link it is, so a rotation can close it at once.
      if (presented) socket.send(JSON.stringify({ type: 'operator', token: presented }));
      linkOpened();
      burst();
      openListeners.forEach((fn) => fn());
      pingTimer = setInterval(() => {
        ping();
        checkLink();
      }, PING_EVERY_MS);
    };
    socket.onmessage = (message) => {
      const arrived = pageNow(); // before parsing: a big event frame must not look like a slow pong
      const frame = parseHostFrame(String(message.data));
      if (frame?.type === 'event') emit(frame.name, frame.payload as never);
      if (frame?.type === 'pong' && pongReceived({ t0: frame.t0, hostNow: frame.hostNow, t1: arrived }) === 'step') burst();
    };
    socket.onclose = (event) => {
      if (openSocket === socket) openSocket = null;
      clearInterval(pingTimer);
      linkClosed();
      if (event.code !== OPERATOR_LINK_REPLACED) return void setTimeout(open, 1000);
      // Closed as replaced: this console's own rotation (or another tab's, in this browser) goes on with
      // the new token; any other console is told, and its socket carries on view-only (a stage keeps counting).
      void Promise.resolve(rotating).then(() => {
        const stored = localStorage.getItem(TOKEN_KEY) ?? '';
        if (stored && stored !== presented) token = stored;
        if (token !== presented) return open();
        token = '';
        linkReplaced = true;
        replacedListeners.forEach((fn) => fn());
        setTimeout(open, 1000);
      });
    };
  };
  open();
}

export const transport: 'ipc' | 'http' = window.cuelight ? 'ipc' : 'http';
export const api: ApiClient = window.cuelight ? ipcClient(window.cuelight) : httpClient();
