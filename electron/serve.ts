/**
 * The headless host: the same core as the desktop app, serving the built renderer and the API
 * (POST /api/<method>, events over one WebSocket) so browsers on the set network can be displays.
 */
import './host/check-node';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCoreChecked } from './core/core';
import { ManualClock } from './core/clock';
import { defaultDataDir } from './host/data-dir';
import { createHost, openPort } from './host/server';
import { allowedHostNames } from './host/origin';
import { keepOscControl } from './host/osc/keeper';
import { watchLoopForBench } from './host/loop-stall';
import { HOST_NODE_FLAGS, missingHostNodeFlags } from './host/node-flags';
import { advertise, isLoopback, joinAddresses, type Advertisement } from './host/mdns';

const HELP = `Usage: npm run serve -- [options]

  --port <n>        port to listen on (default 4173; 0 picks a free one)
  --host <addr>     address to bind (default 127.0.0.1; 0.0.0.0 to reach it from the set network)
  --data-dir <dir>  where the database lives (default ${defaultDataDir()})
  --demo            load the demo shoot when the database has no plans
  --first-run-demo  load the demo shoot only when this start creates the database
  --token <text>    control token to require for changes, fixed for this run (default: one kept in
                    the database, which the console's Set network screen can replace)
  --allow-host <name>  also answer to this host name or address (repeatable); the host answers
                    only to its own names and addresses, so a web page elsewhere cannot read it
  --no-mdns         do not advertise the host on the set network by mDNS/DNS-SD (it never is on
                    a loopback address such as the default 127.0.0.1)
  --test-clock      host time moves only through POST /test/clock (for tests; never on set)
  --test-clock-at <time>  with --test-clock, start at this time (ISO, or epoch ms) instead of now (for tests)

  OSC control in (off by default) is a setting: Settings → Show control, from the operator link.
  --help            show this help`;

/** A test's fixed moment, so the demo's dates and everything shown from them never follow today. */
function testClockStart(at: string | undefined): number {
  if (at === undefined) return Date.now();
  const start = /^\d+$/.test(at) ? Number(at) : Date.parse(at);
  if (Number.isNaN(start)) throw new Error(`--test-clock-at must be an ISO time like 2026-11-26T09:00:00Z or epoch milliseconds, not "${at}"`);
  return start;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      'data-dir': { type: 'string' },
      demo: { type: 'boolean', default: false },
      'first-run-demo': { type: 'boolean', default: false },
      token: { type: 'string' },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'no-mdns': { type: 'boolean', default: false },
      'test-clock': { type: 'boolean', default: false },
      'test-clock-at': { type: 'string' },
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

  // The port first: a busy port must leave no lock, no -wal and no -shm behind.
  const server = await openPort(port, values.host).catch((error: unknown) => {
    throw new Error(describeListenError(error as NodeJS.ErrnoException, port, values.host));
  });
  const testClock = values['test-clock'] ? new ManualClock(testClockStart(values['test-clock-at'])) : undefined;
  const dataDir = path.resolve(values['data-dir'] ?? defaultDataDir());
  // Until the store is checked (in a worker) and open, the listening port answers 503.
  const core = await openCoreChecked({ dataDir, demo: values.demo || (values['first-run-demo'] ? 'first-run' : false), version: process.env.CUELIGHT_VERSION ?? '0.1.0', warmReview: true, warmInputs: true, ...(testClock ? { clock: testClock } : {}) });
  const allowedHosts = allowedHostNames({ bound: values.host, extra: values['allow-host'] });
  const host = createHost(server, { core, token: values.token, allowedHosts, rendererDir: path.join(__dirname, '..', 'renderer'), ...(testClock ? { testClock } : {}) });
  const address = host.address();
  // As stored in Settings; a change there applies at once.
  const osc = keepOscControl(core);
  // Phones join by the set-network address (QR codes in the console) and find the host by DNS-SD.
  const advertisement: Advertisement | null = isLoopback(values.host) || values['no-mdns'] ? null : advertise(values.host, address.port);
  core.devices.joinInfo = { addresses: joinAddresses(values.host, address.port), advertisedAs: advertisement?.name ?? null };
  // Before the address is printed: whoever reads it may signal at once (a process manager, a test).
  if (process.env.CUELIGHT_BENCH_LOOP === '1') watchLoopForBench();
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    // Quitting backs up what changed since the last backup, then closes the store; a backup that
    // hangs (a stalled disk) must not keep the process alive forever: the WAL is safe either way.
    setTimeout(() => process.exit(0), 15_000).unref();
    void Promise.resolve(advertisement?.stop())
      .then(() => Promise.all([host.close(), osc.close()]))
      .finally(() => core.shutdown().finally(() => process.exit(0)));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  const shown = values.host === '0.0.0.0' ? 'localhost' : values.host;
  const base = `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`;
  console.log(`Cuelight is serving ${dataDir}`);
  console.log(`  Operator (can control): ${base}/?token=${core.operatorLink.current()}`);
  console.log(`  Stage display (view only): ${base}/stage`);
  if (advertisement) console.log(`  Advertised on the set network as "${advertisement.name}" (mDNS/DNS-SD, _http._tcp)`);
  if (testClock) console.log('  Test clock: ON (host time moves only through POST /test/clock)');
  if (core.readOnly) console.log(`  READ-ONLY: ${core.readOnlyReason}`);
  const missing = missingHostNodeFlags();
  if (missing.length) {
    console.log(`  Started without ${missing.join(' ')}: V8's memory compaction and its collecting for background work may pause the countdown 10-30 ms. Start it with \`npm run serve\` or \`node ${HOST_NODE_FLAGS.join(' ')} dist/electron/serve.cjs\`.`);
  }
  console.log(`Listening on ${base}`);
}

/** One line a person can act on, instead of an unhandled 'error' and its stack. */
function describeListenError(error: NodeJS.ErrnoException, port: number, host: string): string {
  if (error.code === 'EADDRINUSE') return `port ${port} on ${host} is already in use (another Cuelight, or another program): stop it, or pick another port with --port <n> (--port 0 picks a free one)`;
  if (error.code === 'EACCES') return `port ${port} needs administrator rights: pick one above 1023 with --port <n>`;
  if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') return `this machine has no address ${host}: give one of its own with --host (0.0.0.0 listens on every network)`;
  return `could not listen on ${host}:${port}: ${error.message}`;
}

main().catch((error: unknown) => {
  console.error(`Cuelight could not start: ${(error as Error).message}`);
  process.exit(1);
});
