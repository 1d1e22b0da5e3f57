import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { SerialisedAnswer } from '../../../shared/serialised-answer';
import type { ErrorCode } from '../../../shared/api';
import type { RefusalKey, RefusalParams } from '../../../shared/i18n/refusal';
import { CuelightError } from '../errors';

/** The jobs a worker does; all are in one bundle (jobs.worker.ts) beside the host's own. */
export type WorkerName = 'plan-import' | 'plan-export' | 'take-export' | 'store-backup' | 'store-checkpoint' | 'store-check' | 'review' | 'backup-stage';

/** What a worker posts: progress as it goes, that its job is done (and in how many parts), each part and the answer when asked, or why it failed. */
export type WorkerMessage<T> =
  /** SQLite's addon is loaded: from now on the worker may be stopped at any moment. */
  | { type: 'loaded' }
  | { type: 'progress'; done: number; total: number }
  | { type: 'ready'; parts: number }
  /** A share of a long list, posted on its own: one big message would take the loop long to read. */
  | { type: 'part'; index: number; items: unknown[] }
  | { type: 'done'; value: T }
  /** The answer written as JSON, its buffer moved (not copied) to the loop's thread. */
  | { type: 'done'; json: Uint8Array }
  | { type: 'failed'; message: string; code?: ErrorCode; field?: string | undefined; key?: RefusalKey | undefined; params?: RefusalParams | undefined };

/**
 * Where the built workers are: beside the bundle (dist/electron/workers/) in both hosts, or where
 * the unit tests built them (CUELIGHT_WORKERS_DIR, see workers/build-for-tests.ts).
 */
export function workerFile(): string {
  const dir = process.env.CUELIGHT_WORKERS_DIR ?? path.join(__dirname, 'workers');
  return path.join(dir, 'jobs.cjs');
}

/**
 * The jobs that write files: a backup, a checkpoint folding the WAL into the store, a restore's
 * staged copy. The others only read (the store check, a review load, an export, an import's parse
 * and validation; the import's own writes run on the loop, in slices).
 */
const WRITES_FILES: ReadonlySet<WorkerName> = new Set<WorkerName>(['store-backup', 'store-checkpoint', 'backup-stage']);

/** A running job worker: its job, whether SQLite's addon is loaded in it yet, and whether it was asked to stop before. */
interface JobThread {
  name: WorkerName;
  loaded: boolean;
  stopWanted: boolean;
}

/** Job workers still running: a quit stops them before the store closes (see stopJobWorkers). */
const live = new Map<Worker, JobThread>();

/** How many job workers are running now (a backup, a checkpoint, an import's parse, an export, a review load). */
export function jobWorkersRunning(): number {
  return live.size;
}

/**
 * How many running job workers write files (WRITES_FILES): while one does, a sync of the WAL may
 * wait behind megabytes of its writes (5–70 ms measured), so the loop must not wait for it.
 */
export function fileWritingWorkersRunning(): number {
  let writing = 0;
  for (const thread of live.values()) if (WRITES_FILES.has(thread.name)) writing++;
  return writing;
}

/**
 * Stops one job worker, once it is safe to: a thread terminated while better-sqlite3's addon
 * registers itself aborts the whole process ("FATAL ERROR: Error::New napi_get_last_error_info"),
 * the countdown's with it. So a worker asked to stop before it says 'loaded' stops when it does.
 * A worker inside a SQLite call may be stopped at once: the addon swallows what it cannot throw.
 */
function stopJob(worker: Worker): Promise<void> {
  const thread = live.get(worker);
  if (!thread) return Promise.resolve();
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  if (thread.loaded) void worker.terminate();
  else thread.stopWanted = true;
  return exited;
}

/**
 * Stops every job worker still running (a review load, a backup past its time): their read
 * connections would otherwise keep the store's WAL from being folded in and removed at a clean quit.
 */
export async function stopJobWorkers(): Promise<void> {
  await Promise.all([...live.keys()].map(stopJob));
}

/** A worker whose job is done: its answer, and its long list read one part at a time, until it is closed. */
export interface FinishedJob<T> {
  answer: T;
  parts: number;
  part(index: number): Promise<unknown[]>;
  close(): void;
}

/**
 * Starts a worker thread on the jobs bundle, kept track of until it exits: a quit stops it (see
 * stopJobWorkers), and it is never stopped while SQLite's addon loads (see stopJob).
 */
export function startThread(name: WorkerName, input: unknown, transfer: ArrayBuffer[] = []): Worker {
  const worker = new Worker(workerFile(), { argv: [name], workerData: input, transferList: transfer });
  const thread: JobThread = { name, loaded: false, stopWanted: false };
  live.set(worker, thread);
  worker.once('exit', () => live.delete(worker));
  worker.on('message', (message: WorkerMessage<unknown>) => {
    if (message.type !== 'loaded') return;
    thread.loaded = true;
    if (thread.stopWanted) void worker.terminate();
  });
  return worker;
}

/** Stops a thread startThread started, once it is safe to; resolves when it has exited. */
export const stopThread = stopJob;

/** Starts one job in a fresh worker thread, so its cost never lands on the countdown's loop. */
export function startWorker<T>(name: WorkerName, input: unknown, progress?: (done: number, total: number) => void, transfer: ArrayBuffer[] = []): Promise<FinishedJob<T>> {
  return new Promise<FinishedJob<T>>((resolve, reject) => {
    const worker = startThread(name, input, transfer);
    let parts = 0;
    const waiting = new Map<number, (items: unknown[]) => void>();
    let failed: ((error: Error) => void) | null = reject;
    const fail = (error: Error) => {
      failed?.(error);
      failed = null;
      void stopJob(worker);
    };
    const close = () => {
      failed = null;
      void stopJob(worker);
    };
    worker.on('message', (message: WorkerMessage<T>) => {
      if (message.type === 'loaded') return; // startThread's
      if (message.type === 'progress') progress?.(message.done, message.total);
      else if (message.type === 'ready') {
        parts = message.parts;
        worker.postMessage({ type: 'answer' });
      } else if (message.type === 'part') {
        waiting.get(message.index)?.(message.items);
        waiting.delete(message.index);
      } else if (message.type === 'done') {
        const answer = 'json' in message ? (new SerialisedAnswer(message.json) as T) : message.value;
        const part = (index: number) =>
          new Promise<unknown[]>((ok, no) => {
            waiting.set(index, ok);
            failed = no;
            worker.postMessage({ type: 'part', index });
          });
        failed = null;
        resolve({ answer, parts, part, close });
      } else {
        const refused = message.code ? new CuelightError(message.code, message.message, message.field, message.key, message.params) : new Error(message.message);
        fail(refused);
      }
    });
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`The ${name} worker stopped (exit code ${code}) before answering`)));
  });
}

/** Runs one job that answers in one piece, and lets its worker go. */
export async function runWorker<T>(name: WorkerName, input: unknown, progress?: (done: number, total: number) => void): Promise<T> {
  const job = await startWorker<T>(name, input, progress);
  job.close();
  return job.answer;
}
