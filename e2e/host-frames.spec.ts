import { test, expect } from '@playwright/test';
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { authorized, request, startHostProcess, type HostProcess } from './host-process';

// One hostile WebSocket frame, written as raw bytes after a real upgrade, must close only that
// socket with the right code; the host and every other display carry on. No browser needed.

interface RawSocket {
  socket: net.Socket;
  /** Resolves with the close code the host sent, or null when the connection ended without one. */
  closeCode: Promise<number | null>;
}

/** Upgrades a plain TCP connection to /ws and then reads the host's frames, watching for its close frame. */
async function rawUpgrade(host: HostProcess): Promise<RawSocket> {
  const socket = net.connect(host.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    `GET /ws HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
  );
  let buffer = Buffer.alloc(0);
  let handshakeDone = false;
  let upgraded: () => void;
  const ready = new Promise<void>((resolve) => (upgraded = resolve));
  const closeCode = new Promise<number | null>((resolve) => {
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      if (!handshakeDone) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        expect(buffer.subarray(0, 12).toString()).toBe('HTTP/1.1 101');
        buffer = buffer.subarray(headerEnd + 4);
        handshakeDone = true;
        upgraded();
      }
      // Frames from the host are unmasked: opcode, length (7, 16 or 64 bits), payload.
      while (buffer.length >= 2) {
        const opcode = buffer[0]! & 0x0f;
        let length = buffer[1]! & 0x7f;
        let offset = 2;
        if (length === 126) [length, offset] = [buffer.readUInt16BE(2), 4];
        else if (length === 127) [length, offset] = [Number(buffer.readBigUInt64BE(2)), 10];
        if (buffer.length < offset + length) break;
        if (opcode === 0x8) resolve(length >= 2 ? buffer.readUInt16BE(offset) : null);
        buffer = buffer.subarray(offset + length);
      }
    });
    socket.on('close', () => resolve(null));
    socket.on('error', () => resolve(null));
  });
  await ready;
  return { socket, closeCode };
}

/** A client frame: FIN/RSV/opcode byte, then a masked (or not) payload. */
function frame(first: number, payload: Buffer, masked = true): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const body = masked ? Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!)) : payload;
  return Buffer.concat([Buffer.from([first, (masked ? 0x80 : 0) | payload.length]), masked ? mask : Buffer.alloc(0), body]);
}

const BAD_FRAMES: { kind: string; bytes: () => Buffer; code: number }[] = [
  {
    kind: 'a frame over 64 KB',
    // Only the header is needed: the declared length alone is over the limit.
    bytes: () => Buffer.concat([Buffer.from([0x81, 0xff]), Buffer.from([0, 0, 0, 0, 0, 1, 0, 1]), Buffer.from([1, 2, 3, 4])]),
    code: 1009,
  },
  { kind: 'invalid UTF-8 in a text frame', bytes: () => frame(0x81, Buffer.from([0xff, 0xfe, 0xfd])), code: 1007 },
  { kind: 'a reserved opcode', bytes: () => frame(0x83, Buffer.from('hi')), code: 1002 },
  { kind: 'an unmasked frame', bytes: () => frame(0x81, Buffer.from('{"type":"ping"}'), false), code: 1002 },
  { kind: 'RSV1 set without compression', bytes: () => frame(0xc1, Buffer.from('hi')), code: 1002 },
  { kind: 'a fragmented ping', bytes: () => frame(0x09, Buffer.from('hi')), code: 1002 },
  { kind: 'close code 999', bytes: () => frame(0x88, Buffer.from([0x03, 0xe7])), code: 1002 },
];

let host: HostProcess;
test.beforeAll(async () => {
  host = await startHostProcess();
});
test.afterAll(async () => {
  await host.stop();
});

for (const bad of BAD_FRAMES) {
  test(`${bad.kind} closes only that socket with ${bad.code}; the host and other displays carry on`, async () => {
    const display = new WebSocket(`${host.url.replace('http', 'ws')}/ws`);
    const events: string[] = [];
    display.on('message', (data) => events.push(String(data)));
    await new Promise((resolve, reject) => display.once('open', resolve).once('error', reject));

    const attacker = await rawUpgrade(host);
    attacker.socket.write(bad.bytes());
    expect(await attacker.closeCode).toBe(bad.code);
    attacker.socket.destroy();

    // The other display still hears a change, and the host still answers calls.
    const heard = new Promise<void>((resolve) => display.on('message', (data) => String(data).includes('dataChanged') && resolve()));
    const saved = await request(host.url, { path: '/api/updateSettings', headers: authorized, body: JSON.stringify({ crewName: `crew ${bad.code}` }) });
    expect(saved.status).toBe(200);
    await heard;
    const bootstrap = await request(host.url, { path: '/api/getBootstrap', headers: authorized, body: '{}' });
    expect(JSON.parse(bootstrap.body)).toMatchObject({ ok: true, value: { crewName: `crew ${bad.code}` } });
    display.close();
    expect(host.child.exitCode).toBeNull();
  });
}
