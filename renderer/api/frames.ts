import { z } from 'zod';
import { events, type EventName, type Events } from '../../shared/api';

/** What the host sends over the events socket: an event with its payload, or a clock-sync reply. */
export type HostFrame = { [E in EventName]: { type: 'event'; name: E; payload: Events[E] } }[EventName] | { type: 'pong'; t0: number; hostNow: number };

const envelope = z.union([
  z.object({ type: z.literal('event'), name: z.string(), payload: z.unknown() }),
  z.object({ type: z.literal('pong'), t0: z.number(), hostNow: z.number() }),
]);

/**
 * Checks a frame against the contract before anything acts on it: a frame that is not JSON, or an
 * event whose payload does not match its schema (a host of another version, a proxy's mangling),
 * is dropped instead of throwing inside the socket's handler or reaching a store half-formed.
 */
export function parseHostFrame(text: string): HostFrame | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  const frame = envelope.safeParse(raw);
  if (!frame.success) return null;
  if (frame.data.type === 'pong') return frame.data;
  const { name } = frame.data;
  if (!Object.hasOwn(events, name)) return null;
  const payload = events[name as EventName].safeParse(frame.data.payload);
  return payload.success ? ({ type: 'event', name, payload: payload.data } as HostFrame) : null;
}
