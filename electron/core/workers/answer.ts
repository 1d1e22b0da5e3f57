import { parentPort, workerData } from 'node:worker_threads';
import { CuelightError } from '../errors';
import type { WorkerMessage } from './run-worker';
import { yieldTheCpuToTheLoop } from './background-priority';

/**
 * What a job gives back: its answer (or the answer already written as JSON, handed over without
 * a copy), and a long list to hand over in parts, one per request.
 */
export type JobResult<T> = ({ value: T; transfer?: ArrayBuffer[] } | { json: Uint8Array }) & { parts?: unknown[][] };

/** A big answer written as JSON here, so the countdown's loop never serialises it. */
export function asJson<T>(value: T): { json: Uint8Array } {
  return { json: new TextEncoder().encode(JSON.stringify(value)) };
}

/**
 * A worker's one job: runs it on its input, posting progress, then each part when the loop asks
 * for it (by number, so a write that starts over can ask again from the first), then the answer
 * when the loop asks for it.
 */
export function answer<I, T>(job: (input: I, progress: (done: number, total: number) => void) => JobResult<T>): void {
  yieldTheCpuToTheLoop();
  const port = parentPort!;
  const post = (message: WorkerMessage<T>, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  let result: JobResult<T>;
  try {
    result = job(workerData as I, (done, total) => post({ type: 'progress', done, total }));
  } catch (error) {
    // A refusal keeps its code and catalogue key across the thread boundary; anything else is a failure.
    const refused = error instanceof CuelightError ? { code: error.code, field: error.field, key: error.key, params: error.params } : {};
    post({ type: 'failed', message: (error as Error).message, ...refused });
    return;
  }
  const parts = result.parts ?? [];
  const done = () => ('json' in result ? post({ type: 'done', json: result.json }, [result.json.buffer as ArrayBuffer]) : post({ type: 'done', value: result.value }, result.transfer));
  port.on('message', (message: { type?: string; index?: number }) => {
    if (message.type === 'part') post({ type: 'part', index: message.index!, items: parts[message.index!] ?? [] });
    else if (message.type === 'answer') done();
  });
  post({ type: 'ready', parts: parts.length });
}
