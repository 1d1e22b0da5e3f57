import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './run-worker';

/** A worker's one job: runs it on its input, posting progress and then the answer (or why it failed). */
export function answer<I, T>(job: (input: I, progress: (done: number, total: number) => void) => T): void {
  const post = (message: WorkerMessage<T>) => parentPort!.postMessage(message);
  try {
    post({ type: 'done', value: job(workerData as I, (done, total) => post({ type: 'progress', done, total })) });
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
  }
}
