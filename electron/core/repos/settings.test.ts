import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { getSetting, setSetting } from './settings';
import { Harness } from '../test-harness';

let h: Harness;
beforeEach(() => {
  h = new Harness();
});
afterEach(() => h.dispose());

describe('settings kept per connection', () => {
  it('answers from what is kept, and a change replaces it', () => {
    setSetting(h.db, 'crewName', 'Min');
    expect(getSetting(h.db, 'crewName')).toBe('Min');
    setSetting(h.db, 'crewName', '김지호');
    expect(getSetting(h.db, 'crewName')).toBe('김지호');
  });

  it('never keeps a value a rolled-back transaction wrote', () => {
    setSetting(h.db, 'crewName', 'Min');
    expect(getSetting(h.db, 'crewName')).toBe('Min');
    expect(() =>
      h.db.transaction(() => {
        setSetting(h.db, 'crewName', 'Never saved');
        expect(getSetting(h.db, 'crewName')).toBe('Never saved'); // this transaction sees its own write
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(getSetting(h.db, 'crewName')).toBe('Min');
  });
});
