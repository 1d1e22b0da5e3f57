// The worker threads the core starts (electron/core/workers/run-worker.ts; show control's
// firing thread, electron/core/triggers/fire-thread.ts), built one file each
// into dist/electron/workers/ beside both hosts' bundles, and by the unit tests' global setup.
export const workerEntryPoints = {
  // plan import and export, takes export, backups, checkpoints and the start-up check: one bundle, the job as argv
  jobs: 'electron/core/workers/jobs.worker.ts',
  'trigger-fire': 'electron/core/triggers/fire.worker.ts',
};
