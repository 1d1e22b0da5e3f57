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

function httpClient(): ApiClient {
  const token = controlToken();
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
    socket.onopen = () => {
      openSocket = socket;
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
    socket.onclose = () => {
      if (openSocket === socket) openSocket = null;
      clearInterval(pingTimer);
      linkClosed();
      setTimeout(open, 1000);
    };
  };
  open();
}

export const transport: 'ipc' | 'http' = window.cuelight ? 'ipc' : 'http';
export const api: ApiClient = window.cuelight ? ipcClient(window.cuelight) : httpClient();
