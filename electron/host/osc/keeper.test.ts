import type dgram from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode, encode, Message } from 'node-osc';
import { Harness } from '../../core/test-harness';
import { keepOscControl, type OscControlKeeper } from './keeper';
import type { OscControlSettings } from '../../../shared/contract/osc-control';
import { boundUdp, freeUdpPort } from '../../../e2e/show-control/stand-ins.mjs';

// OSC control in as a stored setting: both hosts run it through this keeper, so these are the
// rules the desktop app and the headless host share (start as stored, apply saves at once).

let h: Harness;
let keeper: OscControlKeeper | null = null;
const sockets: dgram.Socket[] = [];

beforeEach(() => {
  h = new Harness({ demo: true });
});
afterEach(async () => {
  await keeper?.close();
  keeper = null;
  for (const s of sockets.splice(0)) s.close();
  await h.dispose();
});

const udp = (port = 0, address = '127.0.0.1') => boundUdp(sockets, port, address);

/** Sends /cuelight/<command> and waits for the answer, or a quiet 200 ms (undefined). */
async function ask(port: number, command: string, from?: dgram.Socket): Promise<string | undefined> {
  const sender = from ?? (await udp());
  const answer = new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => resolve(undefined), 200);
    sender.once('message', (buffer) => {
      clearTimeout(timer);
      resolve((decode(buffer) as unknown as { address: string }).address);
    });
  });
  sender.send(Buffer.from(encode(new Message(`/cuelight/${command}`))), port, '127.0.0.1');
  return answer;
}

const settings = (port: number, extra: Partial<OscControlSettings> = {}): OscControlSettings => ({ enabled: true, port, bindAddress: '127.0.0.1', allow: ['127.0.0.1'], ...extra });

describe('OSC control in, kept by the host', () => {
  it('is off by default: nothing listens until Settings turns it on, and then it listens at once', async () => {
    keeper = keepOscControl(h.core);
    const port = await freeUdpPort();
    expect((await h.ok('getOscControl', undefined)).status.state).toBe('off');
    expect(await ask(port, 'pause')).toBeUndefined();

    const saved = await h.ok('saveOscControl', settings(port));
    expect(saved.status).toEqual({ state: 'listening', problem: null, detail: '', port, bindAddress: '127.0.0.1' });
    expect(await ask(port, 'pause')).toBe('/cuelight/refused'); // answered: nothing runs to pause

    expect((await h.ok('saveOscControl', settings(port, { enabled: false }))).status.state).toBe('off');
    expect(await ask(port, 'pause')).toBeUndefined();
  });

  it('listens at start when the stored setting is on', async () => {
    const port = await freeUdpPort();
    await h.ok('saveOscControl', settings(port)); // no host attached yet: only stored
    keeper = keepOscControl(h.core);
    await expect.poll(async () => (await h.ok('getOscControl', undefined)).status.state).toBe('listening');
    expect(await ask(port, 'pause')).toBe('/cuelight/refused');
  });

  it('says the port is busy when another program holds it, and listens once it is free', async () => {
    keeper = keepOscControl(h.core);
    const holder = await udp();
    const port = holder.address().port;
    const busy = await h.ok('saveOscControl', settings(port));
    expect(busy.status).toMatchObject({ state: 'failed', problem: 'portBusy', port });
    await new Promise<void>((resolve) => holder.close(() => resolve()));
    sockets.splice(sockets.indexOf(holder), 1);
    expect((await h.ok('saveOscControl', settings(port))).status.state).toBe('listening');
  });

  it('a changed allow-list applies at once: a sender taken off it is ignored', async () => {
    keeper = keepOscControl(h.core);
    const port = await freeUdpPort();
    const other = await udp(0, '127.0.0.2'); // loopback too, but another address
    await h.ok('saveOscControl', settings(port, { allow: ['127.0.0.1', '127.0.0.2'] }));
    expect(await ask(port, 'pause', other)).toBe('/cuelight/refused');
    await h.ok('saveOscControl', settings(port, { allow: ['127.0.0.1'] }));
    expect(await ask(port, 'pause', other)).toBeUndefined();
    expect(await ask(port, 'pause')).toBe('/cuelight/refused');
  });

  it('follows a restored backup\'s setting', async () => {
    keeper = keepOscControl(h.core);
    const port = await freeUdpPort();
    await h.ok('saveOscControl', settings(port));
    const backup = await h.ok('backupNow', undefined);
    await h.ok('saveOscControl', settings(port, { enabled: false }));
    expect(await ask(port, 'pause')).toBeUndefined();
    await h.ok('restoreBackup', { name: backup.name });
    await expect.poll(async () => (await h.ok('getOscControl', undefined)).status.state).toBe('listening');
    expect(await ask(port, 'pause')).toBe('/cuelight/refused');
  });

  it('a bind address this machine does not have is said as such', async () => {
    keeper = keepOscControl(h.core);
    const saved = await h.ok('saveOscControl', settings(await freeUdpPort(), { bindAddress: '203.0.113.7' }));
    expect(saved.status).toMatchObject({ state: 'failed', problem: 'noAddress' });
  });
});
