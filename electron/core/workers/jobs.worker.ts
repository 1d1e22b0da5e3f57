/**
 * One bundle for every job worker: they share zod, the contract and papaparse, which would
 * otherwise be packed once per worker (~0.9 MB each). The job comes as the worker's argv.
 */
import type { WorkerName } from './run-worker';

const jobs: Record<WorkerName, () => Promise<unknown>> = {
  'plan-import': () => import('./plan-import.worker'),
  'plan-export': () => import('./plan-export.worker'),
  'take-export': () => import('./take-export.worker'),
  'store-backup': () => import('./store-backup.worker'),
  'store-checkpoint': () => import('./store-checkpoint.worker'),
  'store-check': () => import('./store-check.worker'),
  'review-load': () => import('./review-load.worker'),
  'backup-stage': () => import('./backup-stage.worker'),
};

const job = jobs[process.argv[2] as WorkerName];
if (!job) throw new Error(`no worker job named "${process.argv[2]}"`);
void job();
