import { describe, it, expect, beforeEach } from 'vitest';
import { z } from 'zod';
import { readStored } from './stored';

const store = new Map<string, string>();
beforeEach(() => {
  store.clear();
  (globalThis as { localStorage?: unknown }).localStorage = {
    getItem: (key: string) => store.get(key) ?? null,
    setItem: (key: string, value: string) => store.set(key, value),
  };
});

const options = z.object({ beeps: z.boolean(), frameRate: z.enum(['24', '25']), name: z.string().max(5) });

describe('readStored', () => {
  it('keeps the fields that check out and drops the rest', () => {
    store.set('k', JSON.stringify({ beeps: true, frameRate: 'banana', name: 'far too long', extra: 1 }));
    expect(readStored('k', options)).toEqual({ beeps: true });
  });

  it('gives nothing for a missing, damaged or non-object entry, never throwing', () => {
    expect(readStored('absent', options)).toEqual({});
    for (const raw of ['{not json', '[1,2]', 'null', '"text"', '42']) {
      store.set('k', raw);
      expect(readStored('k', options), raw).toEqual({});
    }
  });
});
