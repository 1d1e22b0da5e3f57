/** For unit tests: the real host on a free loopback port, answering to its own names. Not bundled. */
import { afterEach, beforeEach } from 'vitest';
import type { Core } from '../core/core';
import { Harness } from '../core/test-harness';
import { allowedHostNames } from './origin';
import { createHost, openPort } from './server';

/** `token` fixes the operator token as --token does; undefined uses the one kept in the database. */
export async function startTestHost(core: Core, token: string | undefined, rendererDir: string) {
  const host = createHost(await openPort(0, '127.0.0.1'), { core, token, rendererDir, allowedHosts: allowedHostNames({ bound: '127.0.0.1', extra: [] }) });
  return { host, base: `http://127.0.0.1:${host.address().port}` };
}

/**
 * The demo store behind a test host with `token`, fresh for each test of the file that calls this
 * at its top: read `served.h` and `served.base` inside a test.
 */
export function serveDemoForEachTest(token: string) {
  const served = {} as { h: Harness; base: string; host: ReturnType<typeof createHost> };
  beforeEach(async () => {
    served.h = new Harness({ demo: true });
    Object.assign(served, await startTestHost(served.h.core, token, served.h.dataDir));
  });
  afterEach(async () => {
    await served.host.close();
    await served.h.dispose();
  });
  return served;
}
