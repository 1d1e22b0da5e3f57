// The core (openCore + dispatch, and whatever else a bench asks for) bundled from source with
// esbuild, the same way the hosts are, next to node_modules so better-sqlite3 resolves.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `name` names the bundle in dist/bench/; `more` adds export lines to the two every bench uses. */
export async function loadCore(name, more = []) {
  // The core starts worker threads (backups, exports, show control's firing): the hosts' own, as
  // `npm run bench` builds them first.
  process.env.CUELIGHT_WORKERS_DIR ??= path.join(ROOT, 'dist', 'electron', 'workers');
  const outfile = path.join(ROOT, 'dist', 'bench', `${name}.cjs`);
  const contents = ["export { openCore } from './electron/core/core';", "export { dispatch } from './electron/core/dispatch';", ...more].join('\n');
  await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outfile,
    external: ['better-sqlite3'],
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}
