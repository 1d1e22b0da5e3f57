// Packages the app with `electron-builder --dir` against a stand-in Electron distribution (no
// download), then checks what would ship: the asar holds main, preload and renderer and only what
// they need; the one unpacked native file is the target platform's better-sqlite3 and opens a
// database in Node; the fuses are flipped; the app stays under its size budget. Run after build.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';

const root = process.cwd();
const require = createRequire(import.meta.url);
/** The app's own files (asar + unpacked); Electron's runtime is not counted. Measured 3.8 MB. */
const SIZE_BUDGET_BYTES = 6 * 1024 * 1024;
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's own defaults, in wire order: RunAsNode, CookieEncryption, NODE_OPTIONS, inspect
// arguments, asar integrity, only-load-from-asar, browser V8 snapshot, file:// privileges.
const ELECTRON_DEFAULT_WIRE = '10110001';
const EXPECTED_FUSES = { runAsNode: '0', enableCookieEncryption: '1', enableNodeOptionsEnvironmentVariable: '0', enableNodeCliInspectArguments: '0', enableEmbeddedAsarIntegrityValidation: '1', onlyLoadAppFromAsar: '1', grantFileProtocolExtraPrivileges: '0' };
const FUSE_ORDER = ['runAsNode', 'enableCookieEncryption', 'enableNodeOptionsEnvironmentVariable', 'enableNodeCliInspectArguments', 'enableEmbeddedAsarIntegrityValidation', 'onlyLoadAppFromAsar', 'loadBrowserProcessSpecificV8Snapshot', 'grantFileProtocolExtraPrivileges'];

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

if (Number(process.versions.node.split('.')[0]) < 22) {
  console.error(`package check: Node ${process.versions.node} cannot load better-sqlite3 13; run it with Node 22 or newer.`);
  process.exit(1);
}
if (process.platform !== 'linux') {
  console.log(`package check: skipped on ${process.platform}; the stand-in Electron distribution is laid out for Linux.`);
  process.exit(0);
}
for (const file of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', 'dist/renderer/index.html']) {
  if (!fs.existsSync(path.join(root, file))) {
    console.error(`package check: ${file} is missing: run \`npm run build\` first.`);
    process.exit(1);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cuelight-package-'));
try {
  // The stand-in: what electron-builder copies and renames, with a fuse wire in Electron's format.
  const fakeDist = path.join(work, 'electron-dist');
  fs.mkdirSync(path.join(fakeDist, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(fakeDist, 'locales'));
  fs.writeFileSync(path.join(fakeDist, 'electron'), `#!/bin/sh\necho "stand-in Electron, not a runtime" >&2\nexit 1\n# ${FUSE_SENTINEL}\x01\x08${ELECTRON_DEFAULT_WIRE}\n`, { mode: 0o755 });
  const output = path.join(work, 'release');
  const builder = spawnSync(
    process.execPath,
    [require.resolve('electron-builder/cli.js'), '--dir', '--linux', `--${process.arch}`, `-c.electronDist=${fakeDist}`, `-c.directories.output=${output}`],
    { cwd: root, encoding: 'utf8' },
  );
  if (builder.status !== 0) throw new Error(`electron-builder --dir failed:\n${builder.stdout}\n${builder.stderr}`);
  const log = `${builder.stdout}\n${builder.stderr}`;
  check(/skipped dependencies rebuild/.test(log) && !/(rebuilding|installing) native dependencies/i.test(log), 'electron-builder ran a native rebuild; npmRebuild must stay false.');

  const appDir = path.join(output, 'linux-unpacked');
  const archive = path.join(appDir, 'resources', 'app.asar');
  const files = asar.listPackage(archive, { isPack: false }).map((entry) => entry.replace(/^[\\/]/, '').split(path.sep).join('/'));
  const isFile = (entry) => asar.statFile(archive, entry, false).files === undefined;
  const packed = files.filter(isFile);

  // What the app runs: the two bundles, their worker threads, the renderer (no source maps), and
  // better-sqlite3's JS and one binary. A worker left out would fail only when first started.
  const target = `${process.platform}-${process.arch}`;
  const workerFiles = fs.readdirSync(path.join(root, 'dist', 'electron', 'workers')).filter((f) => f.endsWith('.cjs')).map((f) => `dist/electron/workers/${f}`);
  check(workerFiles.length > 0, 'dist/electron/workers holds no worker: run `npm run build` first.');
  const rendererFiles = fs.readdirSync(path.join(root, 'dist', 'renderer'), { recursive: true })
    .map((f) => `dist/renderer/${String(f).split(path.sep).join('/')}`)
    .filter((f) => !f.endsWith('.map') && fs.statSync(path.join(root, f)).isFile());
  const required = ['package.json', 'dist/electron/main.cjs', 'dist/electron/preload.cjs', ...workerFiles, ...rendererFiles, 'node_modules/better-sqlite3/package.json', 'node_modules/better-sqlite3/lib/index.js', `node_modules/better-sqlite3/prebuilds/${target}.node`];
  for (const file of required) check(packed.includes(file), `${file} is missing from app.asar.`);
  const allowed = (f) => required.includes(f) || /^node_modules\/better-sqlite3\/lib\/[\w/-]+\.js$/.test(f);
  const extra = packed.filter((f) => !allowed(f));
  check(extra.length === 0, `app.asar holds files the app does not run: ${extra.slice(0, 20).join(', ')}${extra.length > 20 ? ', …' : ''}`);

  // Each bundle may need only Node built-ins, Electron, and what is packed beside it.
  const manifest = JSON.parse(asar.extractFile(archive, 'package.json').toString('utf8'));
  check(manifest.main === 'dist/electron/main.cjs', `package.json main is ${manifest.main}, not dist/electron/main.cjs.`);
  for (const bundle of ['dist/electron/main.cjs', 'dist/electron/preload.cjs', ...workerFiles]) {
    const source = asar.extractFile(archive, bundle).toString('utf8');
    const needs = new Set([...source.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]));
    for (const name of needs) {
      const bare = name.replace(/^node:/, '');
      const satisfied = builtinModules.includes(bare) || name === 'electron' || packed.includes(`node_modules/${name}/package.json`);
      check(satisfied, `${bundle} requires "${name}", which is not in the package.`);
    }
  }

  // Only the target platform's native file is unpacked, and it opens a database in this Node.
  const unpackedDir = `${archive}.unpacked`;
  const unpacked = fs.readdirSync(unpackedDir, { recursive: true }).map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => fs.statSync(path.join(unpackedDir, f)).isFile());
  check(JSON.stringify(unpacked) === JSON.stringify([`node_modules/better-sqlite3/prebuilds/${target}.node`]), `unpacked files should be only ${target}.node, found: ${unpacked.join(', ')}`);
  const extracted = path.join(work, 'extracted');
  asar.extractAll(archive, extracted);
  const Database = createRequire(path.join(extracted, 'package.json'))('better-sqlite3');
  const db = new Database(path.join(work, 'probe.sqlite'), { nativeBinding: path.join(unpackedDir, 'node_modules/better-sqlite3/prebuilds', `${target}.node`) });
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE take (id INTEGER PRIMARY KEY, outcome TEXT) STRICT');
  db.prepare('INSERT INTO take (outcome) VALUES (?)').run('success');
  check(db.prepare('SELECT outcome FROM take').get()?.outcome === 'success', 'the unpacked better-sqlite3 binary did not read back a row.');
  db.close();

  // Fuses: flipped in the packaged executable, as package.json's electronFuses asks.
  const executable = fs.readFileSync(path.join(appDir, 'cuelight'));
  const at = executable.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
  const wire = executable.subarray(at + 2, at + 2 + executable[at + 1]).toString('latin1');
  for (const [fuse, expected] of Object.entries(EXPECTED_FUSES)) {
    check(wire[FUSE_ORDER.indexOf(fuse)] === expected, `fuse ${fuse} is ${wire[FUSE_ORDER.indexOf(fuse)]}, expected ${expected} (wire ${wire}).`);
  }

  const size = fs.statSync(archive).size + unpacked.reduce((sum, f) => sum + fs.statSync(path.join(unpackedDir, f)).size, 0);
  check(size <= SIZE_BUDGET_BYTES, `the app's files are ${(size / 1048576).toFixed(1)} MB, over the ${SIZE_BUDGET_BYTES / 1048576} MB budget.`);

  if (problems.length > 0) throw new Error(problems.map((p) => `  - ${p}`).join('\n'));
  console.log(`package check: app.asar ${packed.length} files, ${(size / 1048576).toFixed(2)} MB with the unpacked ${target}.node (budget ${SIZE_BUDGET_BYTES / 1048576} MB); fuses ${wire}; better-sqlite3 opens a database.`);
} catch (error) {
  console.error(`package check failed:\n${error instanceof Error ? error.message : error}`);
  process.exitCode = 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
