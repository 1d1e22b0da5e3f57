/**
 * How an answer a worker serialised crosses Electron's IPC: as its bytes in place of the
 * envelope's value (one block copy on the main process, no object graph to clone there), read
 * back into the value by the preload. No 'electron' import: the preload and tests share it.
 */
import type { Envelope } from '../../shared/api';
import { SerialisedAnswer } from '../../shared/serialised-answer';

export interface SerialisedEnvelope {
  ok: true;
  json: Uint8Array;
}

export function readJsonBytes(json: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(json));
}

/** The main process's side. */
export function forIpc(envelope: Envelope<unknown>): Envelope<unknown> | SerialisedEnvelope {
  return envelope.ok && envelope.value instanceof SerialisedAnswer ? { ok: true, json: envelope.value.json } : envelope;
}

/** The preload's side: the envelope as the renderer expects it, whichever way its value crossed. */
export function fromIpc<E>(envelope: E | SerialisedEnvelope): E {
  const crossed = envelope as Partial<SerialisedEnvelope> | null;
  return crossed?.ok === true && crossed.json instanceof Uint8Array ? ({ ok: true, value: readJsonBytes(crossed.json) } as E) : (envelope as E);
}
