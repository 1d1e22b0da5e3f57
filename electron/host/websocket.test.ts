import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MAX_SEND_BUFFER_BYTES, sendFrame } from './websocket';

/** A client as sendFrame sees it: its state, how much it has not yet taken, and what happened to it. */
function fakeClient(bufferedAmount: number) {
  const sent: string[] = [];
  let terminated = false;
  const client = { OPEN: 1, readyState: 1, bufferedAmount, send: (frame: string) => sent.push(frame), terminate: () => (terminated = true) };
  return { client: client as unknown as WebSocket, sent, terminated: () => terminated };
}

describe('sending to a display', () => {
  it('sends while the client keeps up', () => {
    const display = fakeClient(10_000);
    sendFrame(display.client, 'frame');
    expect(display.sent).toEqual(['frame']);
    expect(display.terminated()).toBe(false);
  });

  it('drops a client that stopped reading instead of buffering for it without end', () => {
    const display = fakeClient(MAX_SEND_BUFFER_BYTES + 1);
    sendFrame(display.client, 'frame');
    expect(display.sent).toEqual([]);
    expect(display.terminated()).toBe(true);
  });
});
