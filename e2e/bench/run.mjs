// Runs Cuelight's benchmarks: `npm run bench` (builds first), or `node e2e/bench/run.mjs [filter...]`
// to run only the benches whose name contains one of the filters (e.g. `run.mjs host`).
//
// Contract for a bench module — a file e2e/bench/<something>.bench.mjs (run in file-name order):
//
//   export const name = 'host';                 // short, unique; what the filters match
//   export async function run({ emit, log }) {  // throw to fail the run (exit code 1)
//     log('progress for people');               // → stderr, prefixed with the bench name
//     emit({ metric: 'host.ready_ms', value: 123.4, unit: 'ms', baseline: 45.6 });
//   }
//
// emit() writes one JSON object per line on stdout:
//   {"bench": "host", "metric": "host.ready_ms", "value": 123.4, "unit": "ms", "baseline": 45.6, "ratio": 2.706}
// `bench` defaults to the module's name. Give `baseline` only when the peer it is compared with
// was measured in the same run (same machine, same moment); `ratio` is value / baseline.
// Nothing else may write to stdout. Helpers: ./stats.mjs (median, percentile, createEmit) and
// ./proc.mjs (spawnTracked, waitForListening, stop, request, tempDir): children and temp dirs
// made through proc.mjs are killed/removed when the run ends, fails or is interrupted.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createEmit, createLog } from './stats.mjs';
import { cleanup } from './proc.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping children and removing temp dirs\n`);
    cleanup();
    process.exit(130);
  });
}

async function loadBenches() {
  const files = fs.readdirSync(HERE).filter((file) => file.endsWith('.bench.mjs')).sort();
  const benches = [];
  for (const file of files) {
    const mod = await import(pathToFileURL(path.join(HERE, file)).href);
    if (typeof mod.name !== 'string' || !mod.name || typeof mod.run !== 'function') {
      throw new Error(`${file} must export \`name\` (a string) and \`async run({ emit, log })\``);
    }
    if (benches.some((b) => b.name === mod.name)) throw new Error(`${file}: bench name "${mod.name}" is already taken`);
    benches.push({ file, name: mod.name, run: mod.run });
  }
  return benches;
}

async function main() {
  const filters = process.argv.slice(2);
  const all = await loadBenches();
  const chosen = filters.length ? all.filter((b) => filters.some((f) => b.name.includes(f))) : all;
  if (chosen.length === 0) {
    process.stderr.write(`bench: nothing matches ${filters.join(', ')}; benches: ${all.map((b) => b.name).join(', ') || 'none'}\n`);
    return 2;
  }

  const write = createEmit();
  const failed = [];
  for (const bench of chosen) {
    const log = createLog(bench.name);
    const emit = (figure) => write({ bench: bench.name, ...figure });
    const started = performance.now();
    log(`start (${bench.file})`);
    try {
      await bench.run({ emit, log });
      log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } catch (error) {
      failed.push(bench.name);
      log(`FAILED: ${error?.stack ?? error}`);
    } finally {
      cleanup();
    }
  }
  if (failed.length) process.stderr.write(`bench: failed: ${failed.join(', ')}\n`);
  return failed.length ? 1 : 0;
}

main()
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`bench: ${error?.stack ?? error}\n`);
    process.exitCode = 1;
  })
  .finally(cleanup);
