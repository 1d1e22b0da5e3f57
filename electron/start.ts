/**
 * `npm start`: opens the Electron desktop app; where no Electron runtime can be had (offline),
 * says so in one line and serves the same app to the browser instead.
 */
import './host/check-node';
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { HOST_NODE_FLAGS } from './host/node-flags';

function electronBinary(): string | null {
  // A child process, so Electron's lazy download attempt cannot print over our one line.
  const probe = spawnSync(process.execPath, ['-e', 'process.stdout.write(require("electron"))'], { encoding: 'utf8', timeout: 60_000 });
  return probe.status === 0 && probe.stdout ? probe.stdout : null;
}

const args = process.argv.slice(2);
const binary = electronBinary();
const child = binary
  ? spawn(binary, [`--js-flags=${HOST_NODE_FLAGS.join(' ')}`, '.', ...args], { stdio: 'inherit', cwd: path.join(__dirname, '..', '..') })
  : (console.log('No Electron runtime is available here (offline install?): serving Cuelight to the browser instead.'),
    spawn(process.execPath, [...HOST_NODE_FLAGS, path.join(__dirname, 'serve.cjs'), '--first-run-demo', ...args], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
