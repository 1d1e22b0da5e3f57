/** For unit tests: the real host on a free loopback port, answering to its own names. Not bundled. */
import type { Core } from '../core/core';
import { allowedHostNames } from './origin';
import { createHost, openPort } from './server';

/** `token` fixes the operator token as --token does; undefined uses the one kept in the database. */
export async function startTestHost(core: Core, token: string | undefined, rendererDir: string) {
  const host = createHost(await openPort(0, '127.0.0.1'), { core, token, rendererDir, allowedHosts: allowedHostNames({ bound: '127.0.0.1', extra: [] }) });
  return { host, base: `http://127.0.0.1:${host.address().port}` };
}
