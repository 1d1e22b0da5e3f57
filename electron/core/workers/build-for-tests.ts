/** Vitest global setup: builds the worker threads once, as the bundle does, for the core's unit tests. */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
// @ts-expect-error: a plain .mjs list shared with electron/bundle.mjs
import { workerEntryPoints } from '../../worker-entries.mjs';

export default async function setup(): Promise<() => void> {
  // Inside the project (dist/ is ignored), so the workers find better-sqlite3 in its node_modules.
  fs.mkdirSync('dist', { recursive: true });
  const dir = fs.mkdtempSync(path.join('dist', 'test-workers-'));
  await build({
    entryPoints: workerEntryPoints as Record<string, string>,
    outdir: dir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  process.env.CUELIGHT_WORKERS_DIR = path.resolve(dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
