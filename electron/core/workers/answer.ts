import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerMessage } from './run-worker';

/** What a job gives back: its answer, and a long list to hand over in parts, one per request. */
export interface Answer<T> {
  value: T;
  parts?: unknown[][];
}

/**
 * A worker's one job: runs it on its input, posting progress, then each part when the loop asks
 * for it (so the loop reads one part per turn, never all at once), then the answer.
 */
export function answer<I, T>(job: (input: I, progress: (done: number, total: number) => void) => Answer<T>): void {
  const port = parentPort!;
  const post = (message: WorkerMessage<T>) => port.postMessage(message);
  let result: Answer<T>;
  try {
    result = job(workerData as I, (done, total) => post({ type: 'progress', done, total }));
  } catch (error) {
    post({ type: 'failed', message: (error as Error).message });
    return;
  }
  const parts = result.parts ?? [];
  let next = 0;
  const send = () => (next < parts.length ? post({ type: 'part', items: parts[next++]! }) : post({ type: 'done', value: result.value }));
  port.on('message', (message: { type?: string }) => {
    if (message.type === 'next') send();
  });
  send();
}
