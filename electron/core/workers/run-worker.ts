import path from 'node:path';
import { setImmediate } from 'node:timers';
import { Worker } from 'node:worker_threads';

/** The workers the bundle builds (electron/bundle.mjs), each one file beside the host's own bundle. */
export type WorkerName = 'plan-import' | 'plan-export';

/** What a worker posts: progress as it goes, then its answer or why it failed. */
export type WorkerMessage<T> =
  | { type: 'progress'; done: number; total: number }
  /** A share of a long list, posted on its own: one big message would take the loop long to read. */
  | { type: 'part'; items: unknown[] }
  | { type: 'done'; value: T }
  | { type: 'failed'; message: string };

/**
 * Where the built workers are: beside the bundle (dist/electron/workers/) in both hosts, or where
 * the unit tests built them (CUELIGHT_WORKERS_DIR, see workers/build-for-tests.ts).
 */
export function workerFile(name: WorkerName): string {
  const dir = process.env.CUELIGHT_WORKERS_DIR ?? path.join(__dirname, 'workers');
  return path.join(dir, `${name}.cjs`);
}

/** Runs one job in a fresh worker thread, so its cost never lands on the countdown's loop. */
export function runWorker<T>(
  name: WorkerName,
  input: unknown,
  progress?: (done: number, total: number) => void,
  part?: (items: unknown[]) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(workerFile(name), { workerData: input });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'progress') progress?.(message.done, message.total);
      else if (message.type === 'part') {
        part?.(message.items);
        setImmediate(() => worker.postMessage({ type: 'next' })); // one part per turn of the loop
      }
      else if (message.type === 'done') settle(() => resolve(message.value));
      else settle(() => reject(new Error(message.message)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`The ${name} worker stopped (exit code ${code}) before answering`))));
  });
}
