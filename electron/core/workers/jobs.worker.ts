/**
 * One bundle for every job worker: they share zod, the contract and papaparse, which would
 * otherwise be packed once per worker (~0.9 MB each). The job comes as the worker's argv.
 */
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { WorkerMessage, WorkerName } from './run-worker';

// SQLite's addon is loaded first, and the loop told so: a thread stopped while the addon
// registers itself aborts the whole process (see stopJob in run-worker.ts). Every job opens a
// store, so this costs a job nothing it would not pay anyway.
new Database(':memory:').close();
parentPort!.postMessage({ type: 'loaded' } satisfies WorkerMessage<never>);

const jobs: Record<WorkerName, () => Promise<unknown>> = {
  'plan-import': () => import('./plan-import.worker'),
  'plan-export': () => import('./plan-export.worker'),
  'take-export': () => import('./take-export.worker'),
  'store-backup': () => import('./store-backup.worker'),
  'store-checkpoint': () => import('./store-checkpoint.worker'),
  'store-check': () => import('./store-check.worker'),
  review: () => import('./review.worker'),
  'backup-stage': () => import('./backup-stage.worker'),
};

const job = jobs[process.argv[2] as WorkerName];
if (!job) throw new Error(`no worker job named "${process.argv[2]}"`);
void job();
