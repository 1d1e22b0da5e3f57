import { performance } from 'node:perf_hooks';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Trigger } from '../../../shared/contract/triggers';
import type { TakeFields } from './fields';
import type { ActionOutcome } from './action';
import type { FireItem, FireThreadData, FromFireThread, ToFireThread } from './fire-protocol';
import { createFiring } from './firing';

/** Beside the host's bundle (dist/electron/workers/), or where the unit tests built it. */
function fireWorkerFile(): string {
  return path.join(process.env.CUELIGHT_WORKERS_DIR ?? path.join(__dirname, 'workers'), 'trigger-fire.cjs');
}

/**
 * The host loop's side of the firing thread (fire.worker.ts): one long-lived worker that owns show
 * control's sockets and timers. Outcomes come back by message, keyed as they were sent.
 */
export class FireThread {
  private worker: Worker | null = null;
  /** Where messages go: the thread, or (its file missing) the same firing in this loop. */
  private send!: (message: ToFireThread) => void;
  private tests = new Map<number, (outcome: ActionOutcome) => void>();
  private nextRequest = 1;
  private closing: Promise<void> | null = null;
  private startedAt = 0;

  constructor(
    private selfTimed: boolean,
    private onOutcome: (key: string, outcome: ActionOutcome) => void,
  ) {
    this.start();
  }

  arm(moment: number, at: number, items: FireItem[], hostNow: number): void {
    this.post({ type: 'arm', moment, at, items, hostNow });
  }

  fire(moment: number, hostNow: number): void {
    this.post({ type: 'fire', moment, hostNow });
  }

  cancel(moment: number): void {
    this.post({ type: 'cancel', moment });
  }

  fireNow(items: FireItem[], hostNow: number): void {
    if (items.length) this.post({ type: 'fireNow', items, hostNow });
  }

  test(trigger: Pick<Trigger, 'action'>, fields: TakeFields, hostNow: number): Promise<ActionOutcome> {
    const request = this.nextRequest++;
    return new Promise((resolve) => {
      this.tests.set(request, resolve);
      this.post({ type: 'test', request, trigger, fields, hostNow });
    });
  }

  /** Closes every socket the thread holds, then ends it. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker) {
        this.send({ type: 'close' });
        return resolve();
      }
      const done = () => {
        clearTimeout(timer);
        void worker.terminate().then(() => resolve());
      };
      const timer = setTimeout(done, 1_000);
      worker.once('exit', done);
      worker.on('message', (message: FromFireThread) => message.type === 'closed' && done());
      worker.postMessage({ type: 'close' } satisfies ToFireThread);
    });
    return this.closing;
  }

  private post(message: ToFireThread): void {
    if (!this.closing) this.send(message);
  }

  private receive(message: FromFireThread): void {
    if (message.type === 'outcome') this.onOutcome(message.key, message.outcome);
    else if (message.type === 'tested') {
      this.tests.get(message.request)?.(message.outcome);
      this.tests.delete(message.request);
    }
  }

  private start(): void {
    const file = fireWorkerFile();
    if (!fs.existsSync(file)) {
      // A build without the thread's file must still fire: in this loop, as precise as the loop is free.
      console.error(`Show control's firing thread (${file}) is missing: triggers fire from the host's loop instead`);
      this.send = createFiring(this.selfTimed, (message) => this.receive(message));
      return;
    }
    const worker = new Worker(file, { workerData: { selfTimed: this.selfTimed } satisfies FireThreadData });
    this.worker = worker;
    this.send = (message) => worker.postMessage(message);
    this.startedAt = performance.now();
    worker.unref(); // it never keeps a quitting host alive
    worker.on('message', (message: FromFireThread) => this.receive(message));
    worker.on('error', (error) => console.error('Show control\'s firing thread failed:', error));
    worker.on('exit', () => {
      if (this.closing) return;
      for (const [, resolve] of this.tests) resolve({ status: 'failed', detail: 'the firing thread stopped', sentAt: null });
      this.tests.clear();
      // Show control must not go quiet: a fresh thread takes the next moments; one that cannot even start is not retried in a loop.
      const livedMs = performance.now() - this.startedAt;
      console.error(`Show control's firing thread stopped${livedMs > 1_000 ? '; starting it again' : ' at start: triggers will not fire until the app restarts'}`);
      if (livedMs > 1_000) this.start();
    });
  }
}
