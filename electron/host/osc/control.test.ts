import dgram from 'node:dgram';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decode, encode, Message } from 'node-osc';
import { Harness } from '../../core/test-harness';
import { startOscControl, type OscControl } from './control';

let h: Harness;
let control: OscControl;
let sender: dgram.Socket;
let planId: number;
const replies: unknown[][] = [];

async function open(allow?: string[]): Promise<void> {
  control = await startOscControl(h.core, { port: 0, ...(allow ? { allow } : {}) });
}

beforeEach(async () => {
  h = new Harness({ demo: true });
  planId = (await h.ok('listPlans', undefined)).find((p) => p.song === 'Love Lee')!.id;
  sender = dgram.createSocket('udp4');
  sender.on('message', (buffer) => {
    const m = decode(buffer) as unknown as { address: string; args: { value: unknown }[] };
    replies.push([m.address, ...m.args.map((a) => a.value)]);
  });
  await new Promise<void>((resolve) => sender.bind(0, '127.0.0.1', resolve));
  replies.length = 0;
});
afterEach(async () => {
  await control.close();
  sender.close();
  await h.dispose();
});

/** Sends one message from loopback and waits for the host's answer (or a quiet 150 ms). */
async function send(address: string, ...args: (string | number)[]): Promise<unknown[] | undefined> {
  const before = replies.length;
  const packet = Buffer.from(encode(new Message(address, ...args)));
  sender.send(packet, control.port, '127.0.0.1');
  for (let i = 0; i < 30 && replies.length === before; i++) await new Promise((r) => setTimeout(r, 5));
  return replies[before];
}

const phase = async () => (await h.ok('getCountdown', undefined)).phase;

describe('OSC control in', () => {
  it('arms and starts the countdown through the same rules as the console', async () => {
    await open();
    expect(await send('/cuelight/arm', planId)).toEqual(['/cuelight/ok', '/cuelight/arm']);
    expect(await send('/cuelight/start')).toEqual(['/cuelight/ok', '/cuelight/start']);
    expect(await phase()).toBe('counting');
    // The engine's refusal, as the console would show it.
    expect(await send('/cuelight/end')).toEqual(['/cuelight/refused', '/cuelight/end', expect.stringMatching(/take/i)]);
    expect(await send('/cuelight/adjust', -10)).toEqual(['/cuelight/ok', '/cuelight/adjust']);
    expect((await h.ok('getCountdown', undefined)).deadline).toBe(h.clock.now() + 80_000);
  });

  it('Go now needs a second press within 3 seconds, as the console asks to confirm', async () => {
    await open();
    await send('/cuelight/arm', planId);
    await send('/cuelight/start');
    expect(await send('/cuelight/gonow')).toEqual(['/cuelight/confirm', '/cuelight/gonow', expect.any(String)]);
    expect(await phase()).toBe('counting');
    h.clock.advance(4_000);
    expect((await send('/cuelight/gonow'))?.[0]).toBe('/cuelight/confirm'); // too late: asks again
    expect(await send('/cuelight/gonow')).toEqual(['/cuelight/ok', '/cuelight/gonow']);
    expect(await phase()).toBe('go');
    expect(await send('/cuelight/mark', 'dancer slip')).toEqual(['/cuelight/ok', '/cuelight/mark']);
    expect(await send('/cuelight/outcome', 'failed', 'choreography')).toEqual(['/cuelight/ok', '/cuelight/outcome']);
    const takeId = (await h.ok('getCountdown', undefined)).takeId!;
    const take = await h.ok('getTake', { id: takeId });
    expect([take.outcome, take.failureReason, take.marks.map((m) => m.note)]).toEqual(['failed', 'choreography', ['dancer slip']]);
  });

  it('ignores a sender that is not on the allow-list', async () => {
    await open(['10.9.9.9']);
    expect(await send('/cuelight/arm', planId)).toBeUndefined();
    expect(await phase()).toBe('idle');
  });

  it('says what to send when an address or argument is wrong', async () => {
    await open();
    expect(await send('/cuelight/arm')).toEqual(['/cuelight/refused', '/cuelight/arm', expect.stringMatching(/plan id/)]);
    expect(await send('/cuelight/explode')).toEqual(['/cuelight/refused', '/cuelight/explode', expect.stringMatching(/use one of/)]);
    expect(await send('/cuelight/mark', 'x')).toEqual(['/cuelight/refused', '/cuelight/mark', 'mark needs a running take']);
  });
});
