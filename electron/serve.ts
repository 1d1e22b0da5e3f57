/**
 * The headless host: the same core as the desktop app, serving the built renderer and the API
 * (POST /api/<method>, events over one WebSocket) so browsers on the set network can be displays.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { randomBytes } from 'node:crypto';
import { openCore, type Core } from './core/core';
import { ManualClock } from './core/clock';
import { getSetting, setSetting } from './core/repos/settings';
import { defaultDataDir } from './host/data-dir';
import { createHost } from './host/server';
import { watchLoopForBench } from './host/loop-stall';

const HELP = `Usage: npm run serve -- [options]

  --port <n>        port to listen on (default 4173; 0 picks a free one)
  --host <addr>     address to bind (default 127.0.0.1; 0.0.0.0 to reach it from the set network)
  --data-dir <dir>  where the database lives (default ${defaultDataDir()})
  --demo            load the demo shoot when the database has no plans
  --first-run-demo  load the demo shoot only when this start creates the database
  --token <text>    control token to require for changes (default: one kept in the database)
  --test-clock      host time moves only through POST /test/clock (for tests; never on set)
  --help            show this help`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'first-run-demo': { type: 'boolean', default: false },
      token: { type: 'string' },
      'test-clock': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    console.log(HELP);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not "${values.port}"`);

  const testClock = values['test-clock'] ? new ManualClock(Date.now()) : undefined;
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  const core = openCore({ dataDir, demo: values.demo || (values['first-run-demo'] ? 'first-run' : false), version: process.env.CUELIGHT_VERSION ?? '0.1.0', warmReview: true, ...(testClock ? { clock: testClock } : {}) });
  const token = values.token ?? ensureToken(core);
  const host = createHost({ core, token, rendererDir: path.join(__dirname, '..', 'renderer'), ...(testClock ? { testClock } : {}) });
  const address = await host.listen(port, values.host);
  const shown = values.host === '0.0.0.0' ? 'localhost' : values.host;
  const base = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`;
  console.log(`Cuelight is serving ${dataDir}`);
  console.log(`  Operator (can control): ${base}/?token=${token}`);
  console.log(`  Stage display (view only): ${base}/stage`);
  if (testClock) console.log('  Test clock: ON (host time moves only through POST /test/clock)');
  if (core.readOnly) console.log(`  READ-ONLY: ${core.readOnlyReason}`);
  console.log(`Listening on ${base}`);
  if (process.env.CUELIGHT_BENCH_LOOP === '1') watchLoopForBench();

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Quitting backs up what changed since the last backup, then closes the store; a backup that
    // hangs (a stalled disk) must not keep the process alive forever: the WAL is safe either way.
    setTimeout(() => process.exit(0), 15_000).unref();
    void host.close().finally(() => core.shutdown().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function ensureToken(core: Core): string {
  try {
    const existing = getSetting(core.db, 'controlToken');
    if (existing) return existing;
  } catch {
    // a damaged store may not even read: this run gets a fresh token
  }
  const token = randomBytes(12).toString('base64url');
  // A read-only store cannot keep it; the link printed below works until the next start.
  if (!core.readOnly) setSetting(core.db, 'controlToken', token);
  return token;
}

main().catch((error: unknown) => {
  console.error(`Cuelight could not start: ${(error as Error).message}`);
  process.exit(1);
});
