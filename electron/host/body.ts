/**
 * Request bodies cost the host nothing it has not agreed to: each method has a size limit checked
 * against Content-Length before a byte is read, a chunked body is counted as it streams and cut
 * off at the limit, and only a few big uploads are read at once.
 */
import type http from 'node:http';
import type { ApiError } from '../../shared/api';
import { refusal } from '../core/errors';
import { NOT_JSON, PARSED_IN_WORKER, UnreadJson } from '../core/unread-json';

/** Everything but the plan import: a plan, a roster change, a countdown command. */
export const SMALL_BODY_BYTES = 256 * 1024;
/** The import's 10 MB file in its JSON envelope (quotes and newlines are escaped in it). */
export const IMPORT_BODY_BYTES = 12 * 1024 * 1024;
/** A body over this size takes an upload slot while it is read. */
export const BIG_BODY_BYTES = SMALL_BODY_BYTES;
/** How many big uploads are read at once; the rest are asked to retry. */
export const UPLOAD_SLOTS = 2;

export function bodyLimitFor(method: string): number {
  return PARSED_IN_WORKER.has(method) ? IMPORT_BODY_BYTES : SMALL_BODY_BYTES;
}

/** An answer given instead of reading (the rest of) a body: its HTTP status and envelope error. */
export type BodyRefusal = { status: number; error: ApiError; headers?: Record<string, string> };

export function plainRefusal(status: number, message: string): BodyRefusal {
  const code = status === 401 || status === 403 ? 'unauthorized' : status === 404 ? 'not_found' : 'invalid_input';
  return { status, error: { code, message } };
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / 1024 / 1024)} MB` : `${Math.round(bytes / 1024)} KB`;
}

function tooLarge(limit: number): BodyRefusal {
  const error = refusal('invalid_input', 'err.host.tooLarge', { params: { limit: sizeText(limit) } });
  return { status: 413, error: { code: error.code, message: error.message, key: error.key!, params: error.params! } };
}

/** Refuses a body by its declared size, before it is read. */
export function declaredSizeRefusal(req: http.IncomingMessage, limit: number): BodyRefusal | null {
  const declared = req.headers['content-length'];
  if (declared === undefined) return null;
  const bytes = Number(declared);
  if (!Number.isSafeInteger(bytes) || bytes < 0) return plainRefusal(400, 'Content-Length must be a number of bytes');
  return bytes > limit ? tooLarge(limit) : null;
}

/** Whether this request may be a big upload: declared over the small limit, or chunked (size unknown). */
export function isBigUpload(req: http.IncomingMessage): boolean {
  const declared = req.headers['content-length'];
  return declared === undefined ? req.headers['transfer-encoding'] !== undefined : Number(declared) > BIG_BODY_BYTES;
}

/** Counts big uploads in flight; a request that cannot take a slot is refused at once. */
export class UploadSlots {
  private inUse = 0;
  constructor(private readonly max = UPLOAD_SLOTS) {}

  /** Returns the release, or null when every slot is taken. */
  take(): (() => void) | null {
    if (this.inUse >= this.max) return null;
    this.inUse++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inUse--;
    };
  }
}

export function busyRefusal(): BodyRefusal {
  const error = refusal('conflict', 'err.host.uploadBusy');
  return { status: 503, error: { code: error.code, message: error.message, key: error.key!, params: {} }, headers: { 'retry-after': '5' } };
}

/** Past this many bytes a body is read one chunk per turn of the loop (see readBody). */
export const BODY_BYTES_PER_TURN = 64 * 1024;

/**
 * Reads the body's bytes, stopping at `limit` bytes whatever the client declared; the socket stays
 * usable for the refusal. The bytes own their buffer, so a worker can take them without a copy.
 * A body with a Content-Length is copied into its buffer chunk by chunk as it arrives: gathering
 * a 12 MB import at the end held the loop for 12 ms, most of it faulting in the new pages.
 * Past BODY_BYTES_PER_TURN it takes one chunk a turn: libuv reads a ready socket up to 32 times a
 * turn, so a client on the same machine or a fast LAN handed the loop 2 MB at once, 6–7 ms of
 * copying into fresh pages on this VM (0.4 ms a turn at most this way).
 */
export function readBody(req: http.IncomingMessage, limit: number): Promise<{ ok: true; bytes: Uint8Array } | { ok: false; refusal: BodyRefusal }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? NaN);
    /** Where the bytes go as they come, while they fit what was declared; then `chunks` takes over. */
    let into: Uint8Array | null = Number.isSafeInteger(declared) && declared >= 0 && declared <= limit ? new Uint8Array(declared) : null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    let stopped = false;
    const stop = () => {
      stopped = true;
      req.off('data', onData).off('end', onEnd).off('error', onError);
      req.pause();
    };
    const nextTurn = () => {
      if (!stopped) req.resume();
    };
    const onData = (chunk: Buffer) => {
      const at = size;
      size += chunk.length;
      if (size > limit) {
        stop();
        return void resolve({ ok: false, refusal: tooLarge(limit) });
      }
      if (size > BODY_BYTES_PER_TURN) {
        // Paused, the request buffers what the socket still hands over until its high-water mark,
        // then stops the socket's reading; the next turn takes up where this one left off.
        req.pause();
        setImmediate(nextTurn);
      }
      if (into && size <= into.length) return void into.set(chunk, at);
      if (into) chunks.push(into.subarray(0, at));
      into = null;
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      if (into) return void resolve({ ok: true, bytes: size === into.length ? into : into.slice(0, size) });
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const chunk of chunks) at += (bytes.set(chunk, at), chunk.length);
      resolve({ ok: true, bytes });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    req.on('data', onData).on('end', onEnd).on('error', onError);
  });
}

/** Parses a (small) JSON body; an empty body is no input. */
export function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; refusal: BodyRefusal } {
  try {
    return { ok: true, value: new UnreadJson(bytes).parse() };
  } catch {
    return { ok: false, refusal: plainRefusal(400, NOT_JSON) };
  }
}

/** After a refusal, a client still sending has this long to read why before its connection is closed. */
export const LINGER_MS = 2_000;

/**
 * Called before answering while the body is still (partly) unread. Reading the rest would be the
 * work the refusal saves; closing at once would reset the connection under a client still
 * sending, which then never sees why. So the host stops reading (the client's sends stall in the
 * kernel's buffers), sends the answer and a FIN, and closes the connection a moment later.
 */
export function lingerThenClose(req: http.IncomingMessage, res: http.ServerResponse): void {
  if (req.complete) return;
  // Marks the body as taken, so Node does not drain it after the answer; a few KB buffer, then reading stops.
  req.read(0);
  res.once('finish', () => {
    const socket = req.socket;
    // Node closes such a connection right after the answer (destroySoon), which resets it under a client still sending.
    socket.removeListener('finish', socket.destroy);
    if (socket.writable) socket.end();
    const timer = setTimeout(() => socket.destroy(), LINGER_MS);
    socket.once('close', () => clearTimeout(timer));
  });
}
