import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobWorkersRunning, startWorker, stopJobWorkers, workerFile } from './run-worker';

/**
 * The job bundle, wrapped so that it says (through shared memory) the moment a native addon starts
 * to load: better-sqlite3's, the first and only one a job loads. The wrapper changes nothing else.
 */
const wrapper = `
const { workerData } = require('node:worker_threads');
const loading = new Int32Array(workerData.loading);
const dlopen = process.dlopen;
process.dlopen = function (...args) {
  Atomics.store(loading, 0, 1);
  Atomics.notify(loading, 0);
  return dlopen.apply(this, args);
};
require(workerData.jobs);
`;

let dir: string;
const realWorkers = process.env.CUELIGHT_WORKERS_DIR;
const jobs = workerFile();

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-stop-'));
  fs.writeFileSync(path.join(dir, 'jobs.cjs'), wrapper);
  process.env.CUELIGHT_WORKERS_DIR = dir;
});
afterAll(() => {
  process.env.CUELIGHT_WORKERS_DIR = realWorkers;
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Busy-waits this long: a timer is far too coarse to land inside the addon's loading. */
function spin(microseconds: number): void {
  const until = process.hrtime.bigint() + BigInt(microseconds * 1000);
  while (process.hrtime.bigint() < until);
}

describe('a quit that stops job workers while they start', () => {
  // Terminating a thread while better-sqlite3's addon registers itself aborted the whole process
  // (SIGABRT: here vitest's worker; in the app, the countdown's). Each stop below is issued
  // at a different moment just after a job worker starts loading the addon.
  it('never takes the process down, and leaves no worker running', async () => {
    for (let delay = 0; delay <= 600; delay += 20) {
      const loading = new Int32Array(new SharedArrayBuffer(4));
      const job = startWorker('store-check', { file: path.join(dir, 'none.db'), backups: [], loading: loading.buffer, jobs }).catch(() => undefined);
      expect(Atomics.wait(loading, 0, 0, 10_000)).not.toBe('timed-out');
      spin(delay);
      await stopJobWorkers();
      await job;
      expect(jobWorkersRunning()).toBe(0);
    }
  }, 60_000);
});
