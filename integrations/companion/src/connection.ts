/**
 * The module's link to one Cuelight host: contract calls over HTTP (POST /api/<method> with the
 * control token) and the host's events over its WebSocket, as the browser displays use them.
 */
import WebSocket from 'ws';
import type { CountdownSnapshot, Envelope, Events, MethodInput, MethodName, MethodOutput } from '../../../shared/api';
import type { ReadinessBoard } from '../../../shared/contract/readiness';

export interface HostSettings {
  /** e.g. http://192.168.1.20:4173 */
  url: string;
  token: string;
}

export class HostConnection {
  snapshot: CountdownSnapshot | null = null;
  /** Host clock minus ours, from the latest snapshot (good to a few ms on a set network). */
  offsetMs = 0;
  connected = false;
  /** The take number of the snapshot's take (the snapshot carries only its id). */
  takeNumber: number | null = null;
  /** The latest failed trigger of the current countdown, if any. */
  failedTrigger: Events['triggerResult'] | null = null;
  /** The go / no-go board: read on connect, then kept by the host's readiness events. */
  readiness: ReadinessBoard | null = null;
  private socket: WebSocket | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private closed = false;

  constructor(
    private settings: HostSettings,
    private changed: () => void,
  ) {}

  async call<M extends MethodName>(method: M, input?: MethodInput<M>): Promise<MethodOutput<M>> {
    const response = await fetch(`${this.settings.url.replace(/\/$/, '')}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.settings.token}` },
      body: JSON.stringify(input ?? {}),
    });
    const envelope = (await response.json()) as Envelope<MethodOutput<M>>;
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value;
  }

  connect(): void {
    const url = `${this.settings.url.replace(/^http/, 'ws').replace(/\/$/, '')}/ws`;
    const socket = new WebSocket(url);
    this.socket = socket;
    socket.on('open', () => {
      this.connected = true;
      this.loadReadiness();
      this.changed();
    });
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', () => {}); // 'close' follows and retries
    socket.on('close', () => {
      this.connected = false;
      this.changed();
      if (!this.closed) this.retry = setTimeout(() => this.connect(), 1000);
    });
  }

  close(): void {
    this.closed = true;
    if (this.retry) clearTimeout(this.retry);
    this.socket?.terminate();
  }

  /** Host time now, on this machine. */
  hostNow(): number {
    return Date.now() + this.offsetMs;
  }

  private receive(text: string): void {
    const frame = JSON.parse(text) as { type: string; name?: keyof Events; payload?: unknown };
    if (frame.type !== 'event') return;
    if (frame.name === 'countdown') {
      const snapshot = frame.payload as CountdownSnapshot;
      if (snapshot.run !== this.snapshot?.run) this.failedTrigger = null;
      const newTake = snapshot.takeId !== this.snapshot?.takeId;
      this.snapshot = snapshot;
      this.offsetMs = snapshot.hostNow - Date.now();
      if (newTake) this.loadTakeNumber(snapshot.takeId);
      this.changed();
    }
    if (frame.name === 'readiness') {
      this.readiness = frame.payload as ReadinessBoard;
      this.changed();
    }
    if (frame.name === 'triggerResult') {
      const result = frame.payload as Events['triggerResult'];
      if (result.status === 'failed') this.failedTrigger = result;
      this.changed();
    }
  }

  /** Readiness events come only on changes: a key needs the board as it is when the module connects. */
  private loadReadiness(): void {
    this.call('getReadiness', {}).then(
      (board) => {
        this.readiness = board;
        this.changed();
      },
      () => undefined,
    );
  }

  private loadTakeNumber(takeId: number | null): void {
    this.takeNumber = null;
    if (takeId === null) return;
    this.call('getTake', { id: takeId }).then(
      (take) => {
        if (this.snapshot?.takeId === takeId) this.takeNumber = take.number;
        this.changed();
      },
      () => undefined,
    );
  }
}
