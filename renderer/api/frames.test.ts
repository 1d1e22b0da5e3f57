import { describe, it, expect } from 'vitest';
import { parseHostFrame } from './frames';

describe('parseHostFrame', () => {
  it('passes events that match the contract and pongs', () => {
    expect(parseHostFrame(JSON.stringify({ type: 'event', name: 'dataChanged', payload: { tables: ['plans'] } }))).toEqual({
      type: 'event',
      name: 'dataChanged',
      payload: { tables: ['plans'] },
    });
    expect(parseHostFrame(JSON.stringify({ type: 'pong', t0: 1.5, hostNow: 2 }))).toEqual({ type: 'pong', t0: 1.5, hostNow: 2 });
  });

  it('drops what is not JSON, unknown events, bad payloads and half pongs, without throwing', () => {
    for (const text of [
      '{not json',
      'null',
      JSON.stringify({ type: 'event', name: 'toString', payload: {} }),
      JSON.stringify({ type: 'event', name: '__proto__', payload: {} }),
      JSON.stringify({ type: 'event', name: 'dataChanged', payload: { tables: ['secrets'] } }),
      JSON.stringify({ type: 'event', name: 'countdown', payload: { phase: 'go' } }),
      JSON.stringify({ type: 'pong', t0: 'soon', hostNow: 2 }),
    ]) {
      expect(parseHostFrame(text), text).toBeNull();
    }
  });
});
