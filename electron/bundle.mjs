// Bundles the main process, preload and headless host so they start fast (one file each).
import { build } from 'esbuild';
import { workerEntryPoints } from './worker-entries.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  external: ['electron', 'better-sqlite3', 'ws', 'bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/serve.ts'], outfile: 'dist/electron/serve.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/start.ts'], outfile: 'dist/electron/start.cjs', format: 'cjs' }),
  // Long work runs in these, off the loop that runs the countdown (main.cjs and serve.cjs alike).
  build({ ...common, entryPoints: workerEntryPoints, outdir: 'dist/electron/workers', outExtension: { '.js': '.cjs' }, format: 'cjs' }),
]);
