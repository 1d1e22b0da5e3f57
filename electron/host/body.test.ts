import { describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BODY_BYTES_PER_TURN, bodyLimitFor, declaredSizeRefusal, IMPORT_BODY_BYTES, isBigUpload, readBody, SMALL_BODY_BYTES, UploadSlots } from './body';

/** A request as the body rules see it: headers and a byte stream. */
function fakeRequest(headers: http.IncomingHttpHeaders): PassThrough & http.IncomingMessage {
  return Object.assign(new PassThrough(), { headers }) as unknown as PassThrough & http.IncomingMessage;
}

describe('body limits', () => {
  it('give the plan import room for a 10 MB file and every other method 256 KB', () => {
    expect(bodyLimitFor('importPlans')).toBe(IMPORT_BODY_BYTES);
    expect(IMPORT_BODY_BYTES).toBeGreaterThan(10_000_000);
    for (const name of ['updateSettings', 'createPlan', 'startCountdown', 'noSuchMethod']) expect(bodyLimitFor(name)).toBe(SMALL_BODY_BYTES);
  });

  it('refuse a declared size over the limit before anything is read', () => {
    expect(declaredSizeRefusal(fakeRequest({ 'content-length': String(SMALL_BODY_BYTES + 1) }), SMALL_BODY_BYTES)).toMatchObject({
      status: 413,
      error: { key: 'err.host.tooLarge', params: { limit: '256 KB' } },
    });
    expect(declaredSizeRefusal(fakeRequest({ 'content-length': '12' }), SMALL_BODY_BYTES)).toBeNull();
    expect(declaredSizeRefusal(fakeRequest({ 'content-length': 'lots' }), SMALL_BODY_BYTES)).toMatchObject({ status: 400 });
  });

  it('cut a body off at the limit however it was declared', async () => {
    const req = fakeRequest({ 'transfer-encoding': 'chunked' });
    const read = readBody(req, 100);
    req.write(Buffer.alloc(60));
    req.write(Buffer.alloc(60));
    expect(await read).toMatchObject({ ok: false, refusal: { status: 413 } });
    // Reading stopped: more bytes are not taken in.
    expect(req.isPaused()).toBe(true);
  });

  it('read a body within the limit whole', async () => {
    const req = fakeRequest({});
    const read = readBody(req, 100);
    req.end('{"crewName":"민지"}');
    expect(await read).toEqual({ ok: true, bytes: new TextEncoder().encode('{"crewName":"민지"}') });
  });

  it('read a body exactly, whether it keeps to its Content-Length, falls short of it or runs past it', async () => {
    const text = new TextEncoder().encode('{"content":"AKMU,Love Lee"}');
    for (const declared of [text.length, text.length + 5, text.length - 5]) {
      const req = fakeRequest({ 'content-length': String(declared) });
      const read = readBody(req, 100);
      req.write(text.subarray(0, 10));
      req.end(text.subarray(10));
      const got = await read;
      expect(got).toEqual({ ok: true, bytes: text });
      // A worker takes the bytes' whole buffer: it holds nothing else.
      if (got.ok) expect(got.bytes.buffer.byteLength).toBe(text.length);
    }
  });

  it('count a chunked or large declared body as a big upload', () => {
    expect(isBigUpload(fakeRequest({ 'transfer-encoding': 'chunked' }))).toBe(true);
    expect(isBigUpload(fakeRequest({ 'content-length': String(5_000_000) }))).toBe(true);
    expect(isBigUpload(fakeRequest({ 'content-length': '300' }))).toBe(false);
  });
});

describe('a big body from a fast client', () => {
  /** A 4 MB body sent at once by a client on this machine: the most bytes read in one turn of the loop, and what was read. */
  async function upload(): Promise<{ mostInOneTurn: number; bytes: Uint8Array | null; sent: Buffer }> {
    const sent = Buffer.alloc(4 * 1024 * 1024);
    for (let i = 0; i < sent.length; i += 4) sent.writeUInt32LE(i, i);
    let thisTurn = 0;
    let mostInOneTurn = 0;
    let counting = true;
    const turn = () => {
      mostInOneTurn = Math.max(mostInOneTurn, thisTurn);
      thisTurn = 0;
      if (counting) setImmediate(turn);
    };
    setImmediate(turn);
    let bytes: Uint8Array | null = null;
    const server = http.createServer((req, res) => {
      req.on('data', (chunk: Buffer) => (thisTurn += chunk.length));
      void readBody(req, IMPORT_BODY_BYTES).then((read) => {
        bytes = read.ok ? read.bytes : null;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve, reject) => {
      const req = http.request({ port, host: '127.0.0.1', method: 'POST', headers: { 'content-length': sent.length } }, (res) => res.resume().on('end', resolve));
      req.on('error', reject);
      req.end(sent);
    });
    counting = false;
    await new Promise((resolve) => server.close(resolve));
    return { mostInOneTurn, bytes, sent };
  }

  // libuv reads a ready socket up to 32 times a turn: 2 MB at once, 6-7 ms of copying on this VM.
  it('is read a chunk or two a turn of the loop, and whole', async () => {
    const { mostInOneTurn, bytes, sent } = await upload();
    expect(bytes && Buffer.from(bytes).equals(sent)).toBe(true);
    expect(mostInOneTurn).toBeLessThanOrEqual(3 * BODY_BYTES_PER_TURN);
  });
});

describe('upload slots', () => {
  it('let two big uploads in at once and free a slot once, however often it is released', () => {
    const slots = new UploadSlots(2);
    const first = slots.take();
    const second = slots.take();
    expect(first && second).toBeTruthy();
    expect(slots.take()).toBeNull();
    first!();
    first!();
    expect(slots.take()).not.toBeNull();
    expect(slots.take()).toBeNull();
  });
});
