import type http from 'node:http';

/** Bytes handed to the socket per turn of the loop: a big answer is written in these. */
export const ANSWER_CHUNK_BYTES = 64 * 1024;

/** The part of a response this needs: a ServerResponse, or any writable like it. */
export type BodyWriter = Pick<http.ServerResponse, 'write' | 'end' | 'once'>;

/**
 * Writes `parts` as the response body, at most ANSWER_CHUNK_BYTES a turn of the loop, and ends it.
 *
 * A client that reads as fast as the host writes (one on the same machine, or on a quiet
 * network) takes every chunk at once: the socket then says "drain" in a process.nextTick, and
 * writing the next chunk from there wrote a whole 10 MB plans export inside one turn of the loop,
 * one nextTick after another (a host under the never_late bench's export stalled 12–22 ms, its
 * profile all `connectionCorkNT > writeBuffer`). So each turn writes one chunk, and the next waits
 * for the next turn (setImmediate), after 'drain' when the socket was full: timers, GO and other
 * clients come in between. A client that goes away stops the writing.
 */
export function writeInTurns(res: BodyWriter, parts: readonly Uint8Array[]): void {
  let part = 0;
  let at = 0;
  let gone = false;
  res.once('close', () => (gone = true));
  const next = (): void => {
    if (gone) return;
    let budget = ANSWER_CHUNK_BYTES;
    for (;;) {
      while (part < parts.length && at >= parts[part]!.length) {
        part += 1;
        at = 0;
      }
      if (part === parts.length) return void res.end();
      if (budget === 0) return void setImmediate(next);
      const chunk = parts[part]!.subarray(at, at + budget);
      at += chunk.length;
      budget -= chunk.length;
      if (!res.write(chunk)) return void res.once('drain', () => setImmediate(next));
    }
  };
  next();
}
