// The worker threads the core starts (electron/core/workers/run-worker.ts; show control's
// firing thread, electron/core/triggers/fire-thread.ts), built one file each
// into dist/electron/workers/ beside both hosts' bundles, and by the unit tests' global setup.
export const workerEntryPoints = {
  'plan-import': 'electron/core/workers/plan-import.worker.ts',
  'plan-export': 'electron/core/workers/plan-export.worker.ts',
  'trigger-fire': 'electron/core/triggers/fire.worker.ts',
  'take-export': 'electron/core/workers/take-export.worker.ts',
  'store-backup': 'electron/core/workers/store-backup.worker.ts',
  'store-checkpoint': 'electron/core/workers/store-checkpoint.worker.ts',
};
