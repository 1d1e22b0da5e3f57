// Bundles the Companion module into one file (dist/main.js), so Companion loads it with no install
// step: the module base, ws and the contract's types all inside. Run by `npm run build`.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = path.dirname(fileURLToPath(import.meta.url));

await build({
  entryPoints: [path.join(HERE, 'src', 'main.ts')],
  outfile: path.join(HERE, 'dist', 'main.js'),
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // ws's optional native speed-ups; it falls back to plain JS without them.
  external: ['bufferutil', 'utf-8-validate'],
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  logLevel: 'warning',
});
