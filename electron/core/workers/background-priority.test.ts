import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOWEST_PRIORITY, yieldTheCpuToTheLoop } from './background-priority';

let dir = '';
let bundle = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-priority-'));
  bundle = path.join(dir, 'background-priority.cjs');
  await build({ entryPoints: [path.join(__dirname, 'background-priority.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning' });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs yieldTheCpuToTheLoop in a worker thread, as a job worker does: its nice value before and after. */
function inWorker(): Promise<{ lowered: boolean; before: number; after: number }> {
  const code = `
    const os = require('node:os');
    const { parentPort, workerData } = require('node:worker_threads');
    const { yieldTheCpuToTheLoop } = require(workerData);
    const before = os.getPriority(0);
    const lowered = yieldTheCpuToTheLoop();
    parentPort.postMessage({ lowered, before, after: os.getPriority(0) });`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(code, { eval: true, workerData: bundle });
    worker.once('message', (message) => {
      resolve(message);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

describe.runIf(process.platform === 'linux')('a job worker on Linux', () => {
  it('runs at the lowest priority, and the loop keeps its own', async () => {
    const loopBefore = os.getPriority(0);
    const worker = await inWorker();
    expect(worker.lowered).toBe(true);
    expect(worker.after).toBe(LOWEST_PRIORITY);
    expect(worker.after).toBeGreaterThan(loopBefore);
    expect(os.getPriority(0)).toBe(loopBefore);
  });
});

describe('elsewhere', () => {
  it('leaves priorities alone where a nice value is the whole process’s', () => {
    const before = os.getPriority(0);
    expect(yieldTheCpuToTheLoop('darwin')).toBe(false);
    expect(yieldTheCpuToTheLoop('win32')).toBe(false);
    expect(os.getPriority(0)).toBe(before);
  });
});
