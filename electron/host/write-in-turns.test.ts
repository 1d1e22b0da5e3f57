import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ANSWER_CHUNK_BYTES, writeInTurns, type BodyWriter } from './write-in-turns';

/** A client's socket, keeping what it got: `fast` takes every write at once, `roomy` never fills up, `slow` takes each after a pause. */
function socket(kind: 'fast' | 'roomy' | 'slow') {
  const got: Buffer[] = [];
  const sink = new Writable({
    highWaterMark: kind === 'roomy' ? Number.MAX_SAFE_INTEGER : 16 * 1024,
    write(chunk: Buffer, _encoding, done) {
      got.push(Buffer.from(chunk));
      if (kind === 'slow') setTimeout(done, 1);
      else done();
    },
  });
  const finished = new Promise<Buffer>((resolve) => sink.once('finish', () => resolve(Buffer.concat(got))));
  return { sink, finished, got };
}

const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251));

describe('a big answer written a chunk a turn', () => {
  it('arrives whole and in order, across parts of any size, to a fast client and a slow one', async () => {
    const parts = [Buffer.from('{"ok":true,"value":'), Buffer.alloc(0), bytes(3 * ANSWER_CHUNK_BYTES + 123, 1), bytes(17, 2), Buffer.from('}')];
    for (const kind of ['fast', 'roomy', 'slow'] as const) {
      const client = socket(kind);
      writeInTurns(client.sink as unknown as BodyWriter, parts);
      expect((await client.finished).equals(Buffer.concat(parts)), kind).toBe(true);
    }
  });

  it('lets the loop turn between chunks while a client on this machine reads as fast as it comes', async () => {
    const body = bytes(40 * ANSWER_CHUNK_BYTES, 3);
    let inThisTurn = 0;
    let mostInOneTurn = 0;
    let turning = true;
    const tick = () => {
      inThisTurn = 0;
      if (turning) setImmediate(tick);
    };
    setImmediate(tick);
    const server = http.createServer((_req, res) => {
      const write = res.write.bind(res) as (chunk: Uint8Array) => boolean;
      res.write = ((chunk: Uint8Array) => {
        inThisTurn += chunk.length;
        mostInOneTurn = Math.max(mostInOneTurn, inThisTurn);
        return write(chunk);
      }) as typeof res.write;
      res.writeHead(200, { 'content-length': String(body.length) });
      writeInTurns(res, [body]);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const got = Buffer.from(await (await fetch(`http://127.0.0.1:${port}/`)).arrayBuffer());
      expect(got.equals(body)).toBe(true);
      // The socket took each chunk at once and said "drain" a tick later: one chunk a turn all the same.
      expect(mostInOneTurn).toBe(ANSWER_CHUNK_BYTES);
    } finally {
      turning = false;
      server.close();
    }
  });

  it('stops writing once the client has gone', async () => {
    const client = socket('slow');
    writeInTurns(client.sink as unknown as BodyWriter, [bytes(20 * ANSWER_CHUNK_BYTES, 4)]);
    await new Promise((resolve) => setTimeout(resolve, 5));
    client.sink.destroy(); // emits 'close'
    await new Promise((resolve) => setTimeout(resolve, 30));
    const received = client.got.reduce((sum, chunk) => sum + chunk.length, 0);
    expect(received).toBeLessThan(20 * ANSWER_CHUNK_BYTES);
    expect(client.sink.writableFinished).toBe(false);
  });
});
